package io.dunwell.notification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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
import io.dunwell.account.AccountService;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;
import io.dunwell.timeline.Timeline;

/**
 * Writes notices to the outbox. A process step enqueues in its own transaction, so the notice
 * exists exactly when the step committed; {@link MailDispatcher} sends it in a later job.
 */
@Service
public class NotificationService {

    private final OutboxRepository outbox;
    private final AccountService accounts;
    private final Receivables receivables;
    private final NoticeRenderer renderer;
    private final StatementRenderer statements;
    private final Timeline timeline;
    private final Clock clock;

    NotificationService(OutboxRepository outbox, AccountService accounts, Receivables receivables, NoticeRenderer renderer,
                        StatementRenderer statements, Timeline timeline, Clock clock) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.receivables = receivables;
        this.renderer = renderer;
        this.statements = statements;
        this.timeline = timeline;
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
        Optional<OutboxMessage> existing = outbox.findByIdempotencyKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Account account = accounts.require(accounts.externalIdOf(accountId));
        NoticeFormats formats = new NoticeFormats(account);
        LocalDate today = account.today(clock);
        Map<String, Object> model = model(account, formats, today);
        addFacts(model, facts, formats);
        Attachment statement = attachStatement ? statements.render(account, today, model) : null;
        RenderedNotice notice = renderer.render(template, account.locale(), account.zone(), model);
        OutboxMessage message = outbox.save(new OutboxMessage(idempotencyKey, accountId, template, account.getLocale(),
                account.getEmail(), notice, statement, clock.instant()));
        timeline.append(accountId, "NOTICE_QUEUED", "Notice " + template + " queued for "
                + (account.getEmail() == null ? "no address" : account.getEmail()) + ": " + notice.subject()
                + (statement == null ? "" : " (with " + statement.name() + ")"), idempotencyKey);
        return message;
    }

    /**
     * As {@link #enqueue(Long, String, String, Map, boolean)}, for mail that no process step sends
     * (a bulk message, a basket's statements): {@link PendingMail} sends it within a minute and
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
     * rate-limited mails ({@link MinuteSlots}) and {@link PendingMail} sends it no earlier; it is in
     * the outbox at once all the same, so nothing accepted is lost. A repeated key finds the mail and
     * its slot as they were.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueueOutsideProcess(Long accountId, String template, String idempotencyKey, Map<String, ?> facts,
                                               boolean attachStatement, Integer perMinute) {
        Optional<OutboxMessage> existing = outbox.findByIdempotencyKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        Instant notBefore = perMinute == null ? null : MinuteSlots.firstFree(now, perMinute, outbox.latestNotBefore(),
                outbox::countByNotBeforeGreaterThanEqualAndNotBeforeLessThan);
        OutboxMessage message = enqueue(accountId, template, idempotencyKey, facts, attachStatement);
        message.sendFromOutbox(notBefore);
        return message;
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(Long messageId) {
        return outbox.findById(messageId);
    }

    /** Every notice of the account, oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> messagesOf(Long accountId) {
        return outbox.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
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
