package io.dunwell.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
    private final Timeline timeline;
    private final Clock clock;

    NotificationService(OutboxRepository outbox, AccountService accounts, Receivables receivables, NoticeRenderer renderer,
                        Timeline timeline, Clock clock) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.receivables = receivables;
        this.renderer = renderer;
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
        Optional<OutboxMessage> existing = outbox.findByIdempotencyKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Account account = accounts.require(accounts.externalIdOf(accountId));
        RenderedNotice notice = renderer.render(template, account.locale(), account.zone(), model(account));
        OutboxMessage message = outbox.save(new OutboxMessage(idempotencyKey, accountId, template, account.getLocale(),
                account.getEmail(), notice, clock.instant()));
        timeline.append(accountId, "NOTICE_QUEUED", "Notice " + template + " queued for "
                + (account.getEmail() == null ? "no address" : account.getEmail()) + ": " + notice.subject(), idempotencyKey);
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

    /** Preformatted for the account's locale, so templates only place text. */
    private Map<String, Object> model(Account account) {
        Locale locale = account.locale();
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(account.currency());
        money.setMinimumFractionDigits(account.currency().getDefaultFractionDigits());
        money.setMaximumFractionDigits(account.currency().getDefaultFractionDigits());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        LocalDate today = account.today(clock);

        List<Invoice> unpaid = receivables.invoicesOf(account.getId()).stream().filter(Invoice::isOpen).toList();
        BigDecimal total = unpaid.stream().map(Invoice::getBalance).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Map<String, Object>> invoices = unpaid.stream().map(invoice -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", invoice.getNumber());
            row.put("dueDate", date.format(invoice.getDueDate()));
            row.put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(invoice.getDueDate(), today)));
            row.put("openAmount", money.format(invoice.getBalance()));
            return row;
        }).toList();

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("customerName", account.getName());
        model.put("customerNumber", account.getExternalId());
        model.put("today", date.format(today));
        model.put("invoices", invoices);
        model.put("total", money.format(total));
        return model;
    }
}
