package io.dunwell.notification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;

/**
 * Messages to customers: notices rendered from {@code email-templates/} for the account as it is
 * now, and SMS or voice messages someone wrote. Each goes into the {@link Outbox} under the
 * caller's key. A process step enqueues in its own transaction, so the notice exists exactly when
 * the step committed, and sends it in a later job ({@link Outbox#send}); what no process sends,
 * {@link OutboxSweep} does.
 */
@Service
public class Notifications {

    private final Outbox outbox;
    private final OutboxRepository messages;
    private final Accounts accounts;
    private final Receivables receivables;
    private final NoticeRenderer renderer;
    private final StatementRenderer statements;
    private final Clock clock;

    Notifications(Outbox outbox, OutboxRepository messages, Accounts accounts, Receivables receivables,
                        NoticeRenderer renderer, StatementRenderer statements, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.accounts = accounts;
        this.receivables = receivables;
        this.renderer = renderer;
        this.statements = statements;
        this.clock = clock;
    }

    /**
     * The notice for this key: the one already written, unchanged, or a new one rendered from the
     * account and all its unpaid invoices as they are now. Key it by case and step
     * ({@code "<processInstanceId>:<step>"}) so a repeated step cannot write a second notice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueue(Long accountId, String template, String idempotencyKey) {
        return enqueue(accountId, template, idempotencyKey, Map.of(), false);
    }

    /**
     * As {@link #enqueue(Long, String, String)}, with what only the process knows: {@code facts}
     * are further template values (a promise's installments, a missed due date), formatted for the
     * account like the rest — {@code BigDecimal} as money in its currency, {@code LocalDate} as a
     * date, {@code String}, {@code Integer} and {@code Long} as they are, and a list of maps whose
     * values follow the same rules. A fact may not take the name of a built-in value. With
     * {@code attachStatement} the notice carries the statement of account as a PDF, rendered now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueue(Long accountId, String template, String idempotencyKey, Map<String, ?> facts,
                                 boolean attachStatement) {
        return outbox.queue(idempotencyKey, () -> notice(accountId, template, facts, attachStatement));
    }

    /**
     * As {@link #enqueue(Long, String, String, Map, boolean)}, for mail that no process step sends
     * (a bulk message, a basket's statements): {@link OutboxSweep} sends it within a minute and
     * retries it until the SMTP server takes it, so nothing queued here is lost.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueueOutsideProcess(Long accountId, String template, String idempotencyKey, Map<String, ?> facts,
                                               boolean attachStatement) {
        return enqueueOutsideProcess(accountId, template, idempotencyKey, facts, attachStatement, null);
    }

    /**
     * As {@link #enqueueOutsideProcess(Long, String, String, Map, boolean)}, under a rate limit: with
     * {@code perMinute} set the mail takes the first minute slot that has fewer than that many
     * rate-limited mails ({@link MinuteSlots}) and {@link OutboxSweep} sends it no earlier; it is in
     * the outbox at once all the same, so nothing accepted is lost. A repeated key finds the mail and
     * its slot as they were.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueueOutsideProcess(Long accountId, String template, String idempotencyKey, Map<String, ?> facts,
                                               boolean attachStatement, Integer perMinute) {
        return outbox.queueForSweep(idempotencyKey, perMinute, () -> notice(accountId, template, facts, attachStatement));
    }

    /**
     * The SMS or voice message ({@link ChannelProvider#SMS}, {@link ChannelProvider#VOICE}) for this
     * key: the one already queued, or a new one that {@link OutboxSweep} hands to the
     * {@link ChannelProvider}. With {@code perMinute} null it goes out in the next round; otherwise
     * it takes the first minute of its channel that has fewer than {@code perMinute} messages,
     * counting every message of the channel in that minute.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueueText(Long accountId, String channel, String recipient, String text, String idempotencyKey,
                                     Integer perMinute) {
        return outbox.queueForSweep(idempotencyKey, perMinute, () -> Draft.text(accountId, channel, recipient, text));
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(Long messageId) {
        return messages.findById(messageId);
    }

    /** Every message to the account's customer, on every channel, oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> messagesOf(Long accountId) {
        return messages.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
    }

    /** The names of the notices a mail can carry, e.g. {@code reminder-1}: one per step of the journey. */
    public List<String> mailTemplates() {
        return renderer.mailTemplates();
    }

    /**
     * A notice as it would read, from given values instead of a stored account: for the settings
     * page's previews. {@code values} are the ones every notice has ({@code customerName},
     * {@code customerNumber}, {@code today}, {@code invoices}, {@code total}) and the template's
     * facts, formatted for the locale and currency by the same rules as facts.
     */
    public RenderedNotice preview(String template, Locale locale, Currency currency, Map<String, ?> values) {
        NoticeFormats formats = new NoticeFormats(locale, currency);
        Map<String, Object> model = new LinkedHashMap<>();
        values.forEach((name, value) -> model.put(name, formats.fact(name, value)));
        return renderer.render(template, locale, ZoneOffset.UTC, model);
    }

    private Draft notice(Long accountId, String template, Map<String, ?> facts, boolean attachStatement) {
        Account account = accounts.require(accounts.externalIdOf(accountId));
        NoticeFormats formats = new NoticeFormats(account);
        LocalDate today = account.today(clock);
        Map<String, Object> model = model(account, formats, today);
        addFacts(model, facts, formats);
        Attachment statement = attachStatement ? statements.render(account, today, model) : null;
        RenderedNotice notice = renderer.render(template, account.locale(), account.zone(), model);
        return new Draft(accountId, OutboxMessage.EMAIL, account.getEmail(), template, account.getLocale(), notice, statement);
    }

    /** Preformatted for the account's locale, so templates only place text. */
    private Map<String, Object> model(Account account, NoticeFormats formats, LocalDate today) {
        List<Invoice> unpaid = receivables.invoicesOf(account.getId()).stream().filter(Invoice::isOpen).toList();
        BigDecimal total = unpaid.stream().map(Invoice::getBalance).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Map<String, Object>> invoices = unpaid.stream().map(invoice -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", invoice.getNumber());
            row.put("issueDate", formats.date(invoice.getIssueDate()));
            row.put("dueDate", formats.date(invoice.getDueDate()));
            row.put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(invoice.getDueDate(), today)));
            row.put("openAmount", formats.money(invoice.getBalance()));
            return row;
        }).toList();

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("customerName", account.getName());
        model.put("customerNumber", account.getExternalId());
        model.put("today", formats.date(today));
        model.put("invoices", invoices);
        model.put("total", formats.money(total));
        return model;
    }

    private static void addFacts(Map<String, Object> model, Map<String, ?> facts, NoticeFormats formats) {
        facts.forEach((name, value) -> {
            if (model.containsKey(name) || "subject".equals(name)) {
                throw new IllegalArgumentException("Fact '" + name + "' would replace a value every notice has");
            }
            model.put(name, formats.fact(name, value));
        });
    }
}
