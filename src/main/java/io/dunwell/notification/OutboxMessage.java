package io.dunwell.notification;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One notice to a customer, rendered when its process step decided it and kept as it was sent.
 * The idempotency key (case and step) is unique, so a repeated step finds the notice it already
 * wrote instead of writing a second one.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    public static final String EMAIL = "EMAIL";
    public static final String PENDING = "PENDING";
    static final String SENT_BY_PROCESS = "PROCESS";
    static final String SENT_BY_OUTBOX = "OUTBOX";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 50)
    private Long id;

    private String idempotencyKey;
    private Long accountId;
    private String template;
    private String channel;
    private String locale;
    private String recipient;
    private String subject;
    private String htmlBody;
    private String textBody;
    private String attachmentName;
    // bytes in the row (bytea, H2's BINARY VARYING); @Lob would make it a PostgreSQL large object (oid)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    private byte[] attachment;
    private String status;
    private int attempts;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;
    private String sentBy = SENT_BY_PROCESS;
    private Instant notBefore;

    protected OutboxMessage() {
    }

    OutboxMessage(String idempotencyKey, Long accountId, String template, String locale, String recipient,
                  RenderedNotice notice, Attachment attachment, Instant now) {
        this.idempotencyKey = idempotencyKey;
        this.accountId = accountId;
        this.template = template;
        this.channel = EMAIL;
        this.locale = locale;
        this.recipient = recipient;
        this.subject = notice.subject();
        this.htmlBody = notice.html();
        this.textBody = notice.text();
        this.attachmentName = attachment == null ? null : attachment.name();
        this.attachment = attachment == null ? null : attachment.pdf();
        this.status = recipient == null ? FAILED : PENDING;
        this.lastError = recipient == null ? "The account has no email address" : null;
        this.createdAt = now;
    }

    /**
     * No process step sends this one: {@link PendingMail} does, until the server takes it, not
     * before {@code notBefore} (its minute slot under a rate limit; null: at once).
     */
    void sendFromOutbox(Instant notBefore) {
        sentBy = SENT_BY_OUTBOX;
        this.notBefore = notBefore;
    }

    void sent(Instant now) {
        attempts++;
        status = SENT;
        sentAt = now;
        lastError = null;
    }

    void attemptFailed(String error) {
        attempts++;
        lastError = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    public boolean isSent() {
        return SENT.equals(status);
    }

    public boolean isPending() {
        return PENDING.equals(status);
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getTemplate() {
        return template;
    }

    public String getChannel() {
        return channel;
    }

    public String getLocale() {
        return locale;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public String getTextBody() {
        return textBody;
    }

    /** The PDF that goes with this notice, if any. */
    Optional<Attachment> attachment() {
        return attachmentName == null ? Optional.empty() : Optional.of(new Attachment(attachmentName, attachment));
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /** When the outbox may send it at the earliest; null when no rate limit holds it back. */
    public Instant getNotBefore() {
        return notBefore;
    }
}
