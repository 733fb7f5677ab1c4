package io.dunwell.api;

import java.time.Instant;

import io.dunwell.notification.OutboxMessage;
import io.swagger.v3.oas.annotations.media.Schema;

record MessageResponse(Long id, String template, String channel, String recipient, String subject, String status,
                       int attempts, Instant createdAt, Instant sentAt,
                       @Schema(description = "When it may go out at the earliest: a rate-limited (bulk) message waits for this minute; an SMS or voice message always has one; null: a mail sent at once")
                       Instant notBefore) {

    static MessageResponse of(OutboxMessage message) {
        return new MessageResponse(message.getId(), message.getTemplate(), message.getChannel(), message.getRecipient(),
                message.getSubject(), message.getStatus(), message.getAttempts(), message.getCreatedAt(), message.getSentAt(),
                message.getNotBefore());
    }
}
