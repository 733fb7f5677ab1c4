package io.dunwell.notification;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;

/**
 * What a development SMTP server (the demo's built-in one) caught, for the console's mail page; beside
 * {@link DevelopmentChannelProvider}, its counterpart for SMS and voice. The server files a
 * copy in every recipient's mailbox; this lists each mail once.
 */
public class MailCatcher {

    private final GreenMail server;

    public MailCatcher(GreenMail server) {
        this.server = server;
    }

    /** Newest first. */
    public List<CaughtMail> messages() {
        Map<String, CaughtMail> byId = new LinkedHashMap<>();
        server.getManagers().getImapHostManager().getAllMessages().stream()
                .map(CaughtMail::of)
                .forEach(mail -> byId.putIfAbsent(mail.id(), mail));
        return byId.values().stream().sorted(Comparator.comparing(CaughtMail::receivedAt).reversed()).toList();
    }

    public Optional<CaughtMail> message(String id) {
        return messages().stream().filter(mail -> mail.id().equals(id)).findFirst();
    }
}
