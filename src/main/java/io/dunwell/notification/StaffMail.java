package io.dunwell.notification;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Mail to the people who work in Dunwell, not to customers (a mention in a note): rendered from
 * {@code email-templates/} in English, with no account to format for, and handed to the SMTP
 * server at once. Keeping it sent once is the caller's outbox row; the Message-ID comes from its
 * key, as {@link MailDispatcher}'s does.
 */
@Service
public class StaffMail {

    private final NoticeRenderer renderer;
    private final JavaMailSender mail;
    private final MailProperties properties;

    StaffMail(NoticeRenderer renderer, JavaMailSender mail, MailProperties properties) {
        this.renderer = renderer;
        this.mail = mail;
        this.properties = properties;
    }

    /** Throws {@link org.springframework.mail.MailException} when the SMTP server did not take it. */
    public void send(String recipient, String template, Map<String, Object> model, String idempotencyKey) {
        RenderedNotice notice = renderer.render(template, Locale.ENGLISH, ZoneOffset.UTC, model);
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(recipient);
            helper.setSubject(notice.subject());
            helper.setText(notice.text(), notice.html());
            mime.setHeader("Message-ID", MailDispatcher.messageIdOf(idempotencyKey));
        } catch (MessagingException e) {
            throw new IllegalStateException("Mail " + idempotencyKey + " cannot be built", e);
        }
        mail.send(mime);
    }
}
