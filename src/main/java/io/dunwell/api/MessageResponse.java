package io.dunwell.api;

import java.time.Instant;

import io.dunwell.notification.OutboxMessage;

record MessageResponse(Long id, String template, String channel, String recipient, String subject, String status,
                       int attempts, Instant createdAt, Instant sentAt) {

    static MessageResponse of(OutboxMessage message) {
        return new MessageResponse(message.getId(), message.getTemplate(), message.getChannel(), message.getRecipient(),
                message.getSubject(), message.getStatus(), message.getAttempts(), message.getCreatedAt(), message.getSentAt());
    }
}
