package io.dunwell.demo;

/** The demo's mail catcher found its SMTP port taken, most likely by another Dunwell demo. */
class MailCatcherPortTakenException extends IllegalStateException {

    private final int port;

    MailCatcherPortTakenException(String host, int port) {
        super("The demo's mail catcher cannot listen on " + host + ":" + port + ": the port is taken");
        this.port = port;
    }

    int port() {
        return port;
    }
}
