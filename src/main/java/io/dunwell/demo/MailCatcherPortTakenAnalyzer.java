package io.dunwell.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken mail-catcher port into Spring Boot's short "APPLICATION FAILED TO START" report with what to do. */
class MailCatcherPortTakenAnalyzer extends AbstractFailureAnalyzer<MailCatcherPortTakenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MailCatcherPortTakenException cause) {
        return new FailureAnalysis(cause.getMessage() + " (is another Dunwell demo running?).",
                "Stop the other demo, or start this one with its own ports, e.g. mvn spring-boot:run "
                        + "-Dspring-boot.run.arguments=\"--server.port=8081 --spring.mail.port=" + (cause.port() + 1) + "\"",
                cause);
    }
}
