package io.dunwell.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An SMS or voice message to a customer: queued, then handed to the {@link ChannelProvider} no earlier than {@code notBefore}. */
@Entity
@Table(name = "channel_message")
public class ChannelMessage {

    public static final String QUEUED = "QUEUED";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_message_seq")
    @SequenceGenerator(name = "channel_message_seq", sequenceName = "channel_message_seq", allocationSize = 50)
    private Long id;

    private String idempotencyKey;
    private Long accountId;
    private String channel;
    private String recipient;
    private String body;
    private boolean rateLimited;
    private Instant notBefore;
    private String status;
    private String provider;
    private String providerId;
    private Instant createdAt;
    private Instant sentAt;

    protected ChannelMessage() {
    }

    ChannelMessage(String idempotencyKey, Long accountId, String channel, String recipient, String body, boolean rateLimited,
                   Instant notBefore, Instant now) {
        this.idempotencyKey = idempotencyKey;
        this.accountId = accountId;
        this.channel = channel;
        this.recipient = recipient;
        this.body = body;
        this.rateLimited = rateLimited;
        this.notBefore = notBefore;
        this.status = QUEUED;
        this.createdAt = now;
    }

    void sent(String provider, String providerId, Instant now) {
        this.status = SENT;
        this.provider = provider;
        this.providerId = providerId;
        this.sentAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getChannel() {
        return channel;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getBody() {
        return body;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public String getStatus() {
        return status;
    }

    public String getProvider() {
        return provider;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
