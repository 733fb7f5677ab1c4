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
 * One message, kept as it was sent: a notice to a customer (email, optionally with a PDF), an SMS
 * or voice message to a customer, or a mail to a member of staff (no account). Its life is
 * PENDING (queued), then SENT, or FAILED when there is no address to send to; a refused attempt
 * counts and leaves it PENDING. The idempotency key is unique in the database, so whoever asks
 * for the same message twice finds the one already written.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    public static final String EMAIL = "EMAIL";
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    /** Its caller sends it (the job of a process step, whose retries and incidents are the process's). */
    static final String SENT_BY_PROCESS = "PROCESS";
    /** The outbox's sweep sends it ({@link OutboxSweep}), until the server or provider takes it. */
    static final String SENT_BY_OUTBOX = "OUTBOX";

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
    private String sentBy;
    private Instant notBefore;
    private String provider;
    private String providerId;

    protected OutboxMessage() {
    }

    OutboxMessage(String idempotencyKey, Draft draft, String sentBy, Instant notBefore, Instant now) {
        this.idempotencyKey = idempotencyKey;
        this.accountId = draft.accountId();
        this.template = draft.template();
        this.channel = draft.channel();
        this.locale = draft.locale();
        this.recipient = draft.recipient();
        this.subject = draft.content().subject();
        this.htmlBody = draft.content().html();
        this.textBody = draft.content().text();
        this.attachmentName = draft.attachment() == null ? null : draft.attachment().name();
        this.attachment = draft.attachment() == null ? null : draft.attachment().pdf();
        this.status = recipient == null ? FAILED : PENDING;
        this.lastError = recipient == null ? noAddress() : null;
        this.sentBy = sentBy;
        this.notBefore = notBefore;
        this.createdAt = now;
    }

    private String noAddress() {
        return (accountId == null ? "The user" : "The account") + " has no " + (isEmail() ? "email address" : "phone number");
    }

    void sent(Instant now, Receipt receipt) {
        attempts++;
        status = SENT;
        sentAt = now;
        lastError = null;
        provider = receipt.provider();
        providerId = receipt.providerId();
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

    public boolean isEmail() {
        return EMAIL.equals(channel);
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /** The customer it goes to; null for a mail to a member of staff. */
    public Long getAccountId() {
        return accountId;
    }

    /** The email template it was rendered from; null for an SMS or voice message, whose text someone wrote. */
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

    /** The plain-text part of a mail, or the whole of an SMS or voice message. */
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

    /** When it may be sent at the earliest; null for a mail no rate limit holds back. */
    public Instant getNotBefore() {
        return notBefore;
    }

    /** Who took an SMS or voice message ({@link ChannelProvider#name()}); null for mail. */
    public String getProvider() {
        return provider;
    }

    String getProviderId() {
        return providerId;
    }
}
