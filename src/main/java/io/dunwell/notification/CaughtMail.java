package io.dunwell.notification;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.store.StoredMessage;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail the demo's mail catcher received, ready to show: the plain-text and HTML parts (either
 * may be null) and the names of its attachments.
 *
 * @param id the Message-ID without its angle brackets
 */
public record CaughtMail(String id, String from, List<String> to, String subject, Instant receivedAt,
                         String text, String html, List<String> attachments) {

    static CaughtMail of(StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        try {
            Body body = new Body();
            body.collect(message);
            List<String> from = addresses(message.getFrom());
            return new CaughtMail(id(message, stored), from.isEmpty() ? null : from.get(0),
                    addresses(message.getRecipients(RecipientType.TO)), message.getSubject(),
                    stored.getReceivedDate().toInstant(), body.text, body.html, List.copyOf(body.attachments));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("The mail catcher holds a mail it cannot read", e);
        }
    }

    private static String id(MimeMessage message, StoredMessage stored) throws MessagingException {
        String messageId = message.getMessageID();
        return messageId == null
                ? "uid-" + stored.getReceivedDate().getTime() + "-" + stored.getUid()
                : messageId.replaceAll("^<|>$", "");
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
                .toList();
    }

    /** The first text and HTML part anywhere in the MIME tree; files are listed by name. */
    private static final class Body {

        private String text;
        private String html;
        private final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(part.getFileName() == null ? "unnamed" : part.getFileName());
            } else if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    collect(parts.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            }
        }
    }
}
