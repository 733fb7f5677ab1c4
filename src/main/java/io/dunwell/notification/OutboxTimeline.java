package io.dunwell.notification;

import org.springframework.stereotype.Component;

import io.dunwell.timeline.Timeline;

/** What the account's timeline says about the messages to its customer; a mail to staff is on no account's timeline. */
@Component
class OutboxTimeline {

    private final Timeline timeline;

    OutboxTimeline(Timeline timeline) {
        this.timeline = timeline;
    }

    void queued(OutboxMessage message) {
        if (message.getAccountId() == null) {
            return;
        }
        if (message.isEmail()) {
            timeline.append(message.getAccountId(), "NOTICE_QUEUED", "Notice " + message.getTemplate() + " queued for "
                    + (message.getRecipient() == null ? "no address" : message.getRecipient()) + ": " + message.getSubject()
                    + (message.getAttachmentName() == null ? "" : " (with " + message.getAttachmentName() + ")"),
                    message.getIdempotencyKey());
        } else {
            timeline.append(message.getAccountId(), message.getChannel() + "_QUEUED", message.getChannel() + " to "
                    + message.getRecipient() + (message.getNotBefore() != null && message.getNotBefore().isAfter(message.getCreatedAt())
                    ? " queued for " + message.getNotBefore() : " queued") + ": " + message.getTextBody(),
                    message.getIdempotencyKey());
        }
    }

    void sent(OutboxMessage message) {
        if (message.getAccountId() == null) {
            return;
        }
        if (message.isEmail()) {
            timeline.append(message.getAccountId(), "NOTICE_SENT", "Notice " + message.getTemplate() + " sent to "
                    + message.getRecipient() + ": " + message.getSubject(), message.getIdempotencyKey());
        } else {
            timeline.append(message.getAccountId(), message.getChannel() + "_SENT", message.getChannel() + " sent to "
                    + message.getRecipient() + " via " + message.getProvider(), message.getProviderId());
        }
    }
}
