package io.dunwell.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.system.Fingerprint;
import io.dunwell.timeline.Timeline;

/**
 * Sends one outbox message over SMTP, at most once however often it is called.
 *
 * <p>Called by an {@code asyncBefore} service task; an exception is a failed attempt that the
 * engine retries and, when the retries run out, turns into an incident. Exactly-once rests on
 * three things:
 * <ol>
 * <li>Everything happens in a transaction of its own ({@code REQUIRES_NEW}), never in the
 * caller's: the message's row is locked, its status read, the mail handed to the SMTP server,
 * and SENT written together with the timeline entry — committed right after the server accepted
 * the mail. When the job around it later rolls back or its node dies, SENT stays, and the retry
 * finds it and sends nothing.</li>
 * <li>The row lock makes a second caller (another node, a job whose lock expired) wait until the
 * first one committed, and then see SENT.</li>
 * <li>A failed SMTP attempt commits its count and error (status stays PENDING) and rethrows, so
 * nothing is lost: the next retry sends it.</li>
 * </ol>
 * What remains is the moment between the server's "250 OK" and the commit of SENT — microseconds,
 * unless the database fails right then. A crash inside it sends the mail again on retry; it then
 * carries the same {@code Message-ID} (derived from the idempotency key), which lets mail systems
 * and the customer's client recognize the duplicate. No SMTP transaction can close that window.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
public class MailDispatcher {

    private final OutboxRepository outbox;
    private final JavaMailSender mail;
    private final Timeline timeline;
    private final Clock clock;
    private final MailProperties properties;
    private final TransactionTemplate ownTransaction;

    MailDispatcher(OutboxRepository outbox, JavaMailSender mail, Timeline timeline, Clock clock, MailProperties properties,
                   PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.mail = mail;
        this.timeline = timeline;
        this.clock = clock;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends the message unless it was sent; throws when the SMTP server did not take it (retry later). */
    public void send(Long messageId) {
        MailException failure = ownTransaction.execute(status -> {
            OutboxMessage message = outbox.lock(messageId)
                    .orElseThrow(() -> new IllegalStateException("No outbox message " + messageId));
            if (!message.isPending()) {
                return null;
            }
            try {
                mail.send(mimeMessageOf(message));
            } catch (MailException refused) {
                message.attemptFailed(refused.getMessage());
                return refused;
            }
            message.sent(clock.instant());
            timeline.append(message.getAccountId(), "NOTICE_SENT",
                    "Notice " + message.getTemplate() + " sent to " + message.getRecipient() + ": " + message.getSubject(),
                    message.getIdempotencyKey());
            return null;
        });
        if (failure != null) {
            throw failure;
        }
    }

    private MimeMessage mimeMessageOf(OutboxMessage message) {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(message.getRecipient());
            helper.setSubject(message.getSubject());
            helper.setText(message.getTextBody(), message.getHtmlBody());
            Optional<Attachment> attachment = message.attachment();
            if (attachment.isPresent()) {
                helper.addAttachment(attachment.get().name(), new ByteArrayResource(attachment.get().pdf()), "application/pdf");
            }
            // JavaMailSenderImpl keeps an explicit Message-ID: the same notice always carries the same one
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
