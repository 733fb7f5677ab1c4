package io.dunwell.notification;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.dunwell.system.Fingerprint;

/** Hands an outbox mail to the SMTP server as it was stored: text and HTML, the PDF if any, a Message-ID from its key. */
@Component
@EnableConfigurationProperties(MailProperties.class)
class MailDelivery {

    private final JavaMailSender mail;
    private final MailProperties properties;

    MailDelivery(JavaMailSender mail, MailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /** Throws {@link org.springframework.mail.MailException} when the SMTP server did not take it. */
    void deliver(OutboxMessage message) {
        mail.send(mimeMessageOf(message));
    }

    private MimeMessage mimeMessageOf(OutboxMessage message) {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(message.getRecipient());
            helper.setSubject(message.getSubject());
            // a mail moved from before the one outbox may have kept its text only
            if (message.getHtmlBody() == null) {
                helper.setText(message.getTextBody(), false);
            } else {
                helper.setText(message.getTextBody(), message.getHtmlBody());
            }
            Optional<Attachment> attachment = message.attachment();
            if (attachment.isPresent()) {
                helper.addAttachment(attachment.get().name(), new ByteArrayResource(attachment.get().pdf()), "application/pdf");
            }
            // JavaMailSenderImpl keeps an explicit Message-ID: the same message always carries the same one
            mime.setHeader("Message-ID", messageIdOf(message.getIdempotencyKey()));
        } catch (MessagingException e) {
            throw new IllegalStateException("Outbox message " + message.getId() + " cannot be turned into a mail", e);
        }
        return mime;
    }

    /** The Message-ID of the mail with this idempotency key: the same on every attempt. */
    static String messageIdOf(String idempotencyKey) {
        return "<" + Fingerprint.of(idempotencyKey).substring(0, 32) + "@dunwell>";
    }
}
