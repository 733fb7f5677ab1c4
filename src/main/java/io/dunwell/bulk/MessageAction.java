package io.dunwell.bulk;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dunwell.account.Account;
import io.dunwell.account.ContactPreferences;
import io.dunwell.invoice.BalancesAsOf;
import io.dunwell.invoice.BalancesAsOf.AsOf;
import io.dunwell.notification.ChannelProvider;
import io.dunwell.notification.MessagePlaceholders;
import io.dunwell.notification.Notifications;
import io.dunwell.notification.OutboxMessage;

/**
 * {@code message}: a text someone wrote, to every account, on {@code channel} EMAIL (through the
 * outbox, with a {@code subject}), SMS or VOICE (through the {@link ChannelProvider}). Placeholders
 * ({@link MessagePlaceholders#NAMES}) are filled per account in its language and currency, the
 * balance as of the report's date. An SMS longer than {@value #SMS_LIMIT} characters once filled
 * in refuses the whole request before anything is sent. A channel the customer opted out of is
 * skipped unless {@code overridePreferences}. Every channel keeps to
 * {@code dunwell.bulk.messages-per-minute} unless {@code overrideRateLimit}: all messages are queued
 * at once and go out a minute's share at a time (by the outbox's sweep).
 */
@Component
class MessageAction implements BulkAction {

    static final int SMS_LIMIT = 140;
    static final List<String> CHANNELS = List.of("EMAIL", ChannelProvider.SMS, ChannelProvider.VOICE);

    private final BalancesAsOf balances;
    private final Notifications notifications;
    private final BulkProperties properties;

    MessageAction(BalancesAsOf balances, Notifications notifications, BulkProperties properties) {
        this.balances = balances;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "message";
    }

    @Override
    public boolean supervisorsOnly() {
        return false;
    }

    @Override
    public boolean plansEveryAccountFirst() {
        return true;
    }

    @Override
    public void check(Parameters parameters) {
        String channel = parameters.oneOf("channel", CHANNELS);
        String text = parameters.text("text", 2000);
        List<String> unknown = MessagePlaceholders.unknown(text);
        if (!unknown.isEmpty()) {
            throw Parameters.refused("text", "unknown placeholder " + String.join(", ", unknown) + "; known are "
                    + MessagePlaceholders.NAMES.stream().map(name -> "{{" + name + "}}").toList());
        }
        if (channel.equals("EMAIL")) {
            parameters.text("subject", 200);
        }
    }

    @Override
    public Outcome plan(Target target) {
        Account account = target.account();
        String channel = target.parameters().oneOf("channel", CHANNELS);
        String text = render(target);
        if (channel.equals(ChannelProvider.SMS) && text.length() > SMS_LIMIT) {
            throw Parameters.refused("text", "the SMS to " + account.getExternalId() + " would be " + text.length()
                    + " characters with its placeholders filled in; an SMS may have at most " + SMS_LIMIT);
        }
        String recipient = channel.equals("EMAIL") ? account.getEmail() : account.getPhone();
        if (recipient == null) {
            return Outcome.skipped(channel.equals("EMAIL") ? "no email address" : "no phone number");
        }
        if (optedOut(account.contactPreferences(), channel) && !target.parameters().flag("overridePreferences")) {
            return Outcome.skipped("the customer asked for no " + channel.toLowerCase() + " (contact preferences)");
        }
        return Outcome.planned(channel + " to " + recipient + ": " + text);
    }

    @Override
    public Outcome apply(Target target) {
        Outcome planned = plan(target);
        if (!planned.status().equals(BulkResult.PLANNED)) {
            return planned;
        }
        Account account = target.account();
        Parameters parameters = target.parameters();
        String channel = parameters.oneOf("channel", CHANNELS);
        String key = target.idFor("bulk-message");
        Integer perMinute = parameters.flag("overrideRateLimit") ? null : properties.messagesPerMinute();
        if (channel.equals("EMAIL")) {
            OutboxMessage mail = notifications.enqueueOutsideProcess(account.getId(), "bulk-message", key,
                    Map.of("messageSubject", fill(parameters.text("subject", 200), target), "messageBody", render(target)), false,
                    perMinute);
            return Outcome.done("email queued to " + account.getEmail() + (mail.getNotBefore() == null ? ""
                    : ", not before " + mail.getNotBefore())).withReference("outbox:" + mail.getId());
        }
        OutboxMessage message = notifications.enqueueText(account.getId(), channel, account.getPhone(), render(target), key, perMinute);
        return Outcome.done(channel + " queued to " + account.getPhone() + ", not before " + message.getNotBefore())
                .withReference("outbox:" + message.getId());
    }

    private String render(Target target) {
        return fill(target.parameters().text("text", 2000), target);
    }

    private String fill(String text, Target target) {
        AsOf then = balances.of(target.account(), target.asOf());
        return MessagePlaceholders.render(text, target.account(), then.balance(), then.oldestUnpaidDueDate(), then.daysPastDue());
    }

    private static boolean optedOut(ContactPreferences preferences, String channel) {
        return switch (channel) {
            case "EMAIL" -> preferences.doNotEmail();
            case ChannelProvider.SMS -> preferences.doNotSms();
            default -> preferences.doNotCall();
        };
    }
}
