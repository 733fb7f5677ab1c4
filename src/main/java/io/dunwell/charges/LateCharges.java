package io.dunwell.charges;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.AccountService;
import io.dunwell.charges.LateChargePolicy.SegmentPolicy;
import io.dunwell.charges.LateInterest.Period;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.InvoiceService;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.Money;
import io.dunwell.timeline.Timeline;

/**
 * Books late-payment charges on the overdue invoices of the segments whose policy is enabled:
 * interest for every calendar month (in the account's zone) that is over, on the invoice's open
 * balance at the time of the run, and the flat compensation once per invoice. Each charge is an
 * invoice of its own (so dunning, statements and payments treat it like any other) with a
 * deterministic external id, and a {@code late_charge} row whose unique key (invoice, period,
 * kind) lets no period be charged twice. An account is charged in a transaction of its own
 * under its receivables lock: a repeated or parallel run waits and then finds the rows.
 * Charge invoices themselves bear no interest.
 */
@Service
@EnableConfigurationProperties(LateChargePolicy.class)
public class LateCharges {

    static final String EXTERNAL_ID_PREFIX = "late-charge-";
    static final String INTEREST = "INTEREST";
    static final String FLAT = "FLAT";
    static final String ONCE = "once";

    private static final Logger log = LoggerFactory.getLogger(LateCharges.class);

    public record RunResult(int accounts, int charges) {
    }

    private final LateChargePolicy policy;
    private final AccountService accounts;
    private final Receivables receivables;
    private final InvoiceService invoices;
    private final Timeline timeline;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LateCharges(LateChargePolicy policy, AccountService accounts, Receivables receivables, InvoiceService invoices,
                Timeline timeline, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.policy = policy;
        this.accounts = accounts;
        this.receivables = receivables;
        this.invoices = invoices;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Charges every account that is due a charge now; a second run on the same day books nothing. */
    public RunResult run() {
        List<String> segments = policy.segments().entrySet().stream().filter(entry -> entry.getValue().enabled())
                .map(java.util.Map.Entry::getKey).toList();
        if (segments.isEmpty()) {
            return new RunResult(0, 0);
        }
        // a day of slack for the zones ahead of UTC; each account's own today decides below
        LocalDate latestDue = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        List<Long> accountIds = named.queryForList("select distinct i.account_id from invoice i join account a on a.id = i.account_id"
                        + " where i.status = 'OPEN' and i.balance > 0 and i.due_date < :latestDue and a.segment in (:segments)"
                        + " and i.external_id not like '" + EXTERNAL_ID_PREFIX + "%' order by i.account_id",
                java.util.Map.of("latestDue", latestDue, "segments", segments), Long.class);
        int charges = 0;
        for (Long accountId : accountIds) {
            charges += ownTransaction.execute(status -> chargeAccount(accountId));
        }
        log.info("Late-payment charges: {} accounts looked at, {} charges booked", accountIds.size(), charges);
        return new RunResult(accountIds.size(), charges);
    }

    private int chargeAccount(Long accountId) {
        receivables.lock(accountId);
        Account account = accounts.get(accountId);
        Optional<SegmentPolicy> segment = policy.of(account.getSegment());
        if (segment.isEmpty()) {
            return 0;
        }
        LocalDate today = account.today(clock);
        int booked = 0;
        for (Invoice invoice : receivables.invoicesOf(accountId)) {
            if (invoice.isOpen() && invoice.getBalance().signum() > 0 && invoice.getDueDate().isBefore(today)
                    && !invoice.getExternalId().startsWith(EXTERNAL_ID_PREFIX)) {
                booked += chargeInvoice(account, invoice, segment.get(), today);
            }
        }
        return booked;
    }

    private int chargeInvoice(Account account, Invoice invoice, SegmentPolicy segment, LocalDate today) {
        Set<String> charged = new HashSet<>(jdbc.queryForList("select period || ':' || kind from late_charge where invoice_id = ?",
                String.class, invoice.getId()));
        Currency currency = Money.currency(invoice.getCurrency());
        int booked = 0;
        if (segment.interestPoints() != null) {
            for (Period period : LateInterest.closedPeriods(invoice.getDueDate(), today)) {
                String key = period.month() + ":" + INTEREST;
                Optional<BigDecimal> reference = policy.referenceRateFor(period.month().atDay(1));
                if (charged.contains(key)) {
                    continue;
                }
                if (reference.isEmpty()) {
                    log.warn("No reference rate for {}: no interest on invoice {}", period.month(), invoice.getId());
                    continue;
                }
                BigDecimal rate = reference.get().add(segment.interestPoints());
                BigDecimal amount = LateInterest.amount(invoice.getBalance(), rate, period.days(), currency);
                if (amount.signum() > 0) {
                    book(account, invoice, new Charge(period.month().toString(), INTEREST, (int) period.days(), rate,
                            invoice.getBalance(), amount), today, "Late-payment interest " + amount + " " + currency
                            + " on invoice " + invoice.getNumber() + " for " + period.month() + ": " + period.days()
                            + " days at " + rate.stripTrailingZeros().toPlainString() + " % ("
                            + reference.get().stripTrailingZeros().toPlainString() + " % reference + "
                            + segment.interestPoints().stripTrailingZeros().toPlainString() + " points) on "
                            + invoice.getBalance() + " " + currency);
                    booked++;
                }
            }
        }
        if (segment.flatCompensation() != null && currency.getCurrencyCode().equals(segment.flatCompensationCurrency())
                && !charged.contains(ONCE + ":" + FLAT)) {
            BigDecimal amount = Money.scaled(segment.flatCompensation(), currency);
            book(account, invoice, new Charge(ONCE, FLAT, null, null, null, amount), today,
                    "Late-payment compensation " + amount + " " + currency + " on invoice " + invoice.getNumber());
            booked++;
        }
        return booked;
    }

    private record Charge(String period, String kind, Integer days, BigDecimal annualRate, BigDecimal base, BigDecimal amount) {

        String externalId(Invoice invoice) {
            return EXTERNAL_ID_PREFIX + invoice.getId() + "-" + period + "-" + kind.toLowerCase();
        }

        String number(Invoice invoice) {
            String number = "LC-" + (ONCE.equals(period) ? "" : period + "-") + (FLAT.equals(kind) ? "F-" : "I-") + invoice.getNumber();
            return number.length() <= 100 ? number : number.substring(0, 100);
        }
    }

    private void book(Account account, Invoice invoice, Charge charge, LocalDate today, String summary) {
        Invoice booked = invoices.upsert(new InvoiceCommand(charge.externalId(invoice), account.getExternalId(), charge.number(invoice),
                today, today.plusDays(policy.paymentDays()), invoice.getCurrency(), charge.amount(), null, null)).value();
        jdbc.update("insert into late_charge (invoice_id, account_id, period, kind, days, annual_rate, base_amount, amount,"
                        + " currency, charge_invoice_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                invoice.getId(), account.getId(), charge.period(), charge.kind(), charge.days(), charge.annualRate(), charge.base(),
                charge.amount(), invoice.getCurrency(), booked.getId(), Timestamp.from(clock.instant()));
        timeline.append(account.getId(), "LATE_CHARGE_BOOKED", summary, charge.externalId(invoice));
    }
}
