package io.dunwell.notification;

/**
 * A message as its caller made it, before the outbox keeps it: where it goes ({@code accountId}
 * null: to a member of staff), on which channel, and its content — for an SMS or voice message
 * only the text.
 */
record Draft(Long accountId, String channel, String recipient, String template, String locale, RenderedNotice content,
             Attachment attachment) {

    static Draft text(Long accountId, String channel, String recipient, String text) {
        return new Draft(accountId, channel, recipient, null, null, new RenderedNotice(null, null, text), null);
    }
}
