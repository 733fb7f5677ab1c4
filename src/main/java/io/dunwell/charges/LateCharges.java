package io.dunwell.charges;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.charges.LateChargePolicy.SegmentPolicy;
import io.dunwell.charges.LateInterest.Accrual;
import io.dunwell.charges.LateInterest.Period;
import io.dunwell.invoice.AllocationHistory;
import io.dunwell.invoice.AllocationHistory.DatedAllocation;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.Money;
import io.dunwell.timeline.Timeline;

/**
 * Books late-payment charges on the late invoices of the segments whose policy is enabled:
 * interest per calendar month (in the account's zone), day by day on the balance owed at the end
 * of each day (see {@link LateInterest}), and the flat compensation once per invoice paid late.
 * A month is charged once it is over, or once a payment cleared the invoice within it: an invoice
 * paid in the middle of a month is charged for the days up to the payment, and the EU rule's flat
 * compensation is owed as soon as an invoice is late, so it is charged also on an invoice the run
 * first sees already paid (late). An invoice a credit note cleared (a correction, a write-off) gets
 * nothing more. Each charge is an invoice of its own (so dunning, statements and payments treat it
 * like any other) with a deterministic external id, and a {@code late_charge} row whose unique key
 * (invoice, month, kind) lets no month be charged twice, whichever way it was charged. An account
 * is charged in a transaction of its own under its receivables lock: a repeated or parallel run
 * waits and then finds the rows. Charge invoices themselves bear no interest. Charges once booked
 * stay: a payment dated back into a month already charged does not change that month's charge.
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
    private final Accounts accounts;
    private final Receivables receivables;
    private final Invoices invoices;
    private final AllocationHistory allocations;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LateCharges(LateChargePolicy policy, Accounts accounts, Receivables receivables, Invoices invoices,
                AllocationHistory allocations, Timeline timeline, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.policy = policy;
        this.accounts = accounts;
        this.receivables = receivables;
        this.invoices = invoices;
        this.allocations = allocations;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Charges every account that is due a charge now; a second run on the same day books nothing. */
    public RunResult run() {
        List<String> segments = policy.segments().entrySet().stream().filter(entry -> entry.getValue().enabled())
                .map(Map.Entry::getKey).toList();
        if (segments.isEmpty()) {
            return new RunResult(0, 0);
        }
        // a day of slack for the zones ahead of UTC; each account's own today decides below
        LocalDate latestDue = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        Instant paidSince = paidSince();
        List<Long> accountIds = jdbc.sql("select distinct i.account_id from invoice i join account a on a.id = i.account_id"
                        + " where (i.status = 'OPEN' and i.balance > 0 or i.status = 'PAID' and i.updated_at >= :paidSince)"
                        + " and i.due_date < :latestDue and a.segment in (:segments)"
                        + " and i.external_id not like '" + EXTERNAL_ID_PREFIX + "%' order by i.account_id")
                .params(Map.of("latestDue", latestDue, "paidSince", Timestamp.from(paidSince), "segments", segments))
                .query(Long.class).list();
        int charges = 0;
        for (Long accountId : accountIds) {
            charges += ownTransaction.execute(status -> chargeAccount(accountId, paidSince));
        }
        log.info("Late-payment charges: {} accounts looked at, {} charges booked", accountIds.size(), charges);
        return new RunResult(accountIds.size(), charges);
    }

    private Instant paidSince() {
        return clock.instant().minus(Duration.ofDays(policy.paidLookbackDays()));
    }

    private int chargeAccount(Long accountId, Instant paidSince) {
        receivables.lock(accountId);
        Account account = accounts.get(accountId);
        Optional<SegmentPolicy> segment = policy.of(account.getSegment());
        if (segment.isEmpty()) {
            return 0;
        }
        LocalDate today = account.today(clock);
        List<Invoice> late = receivables.invoicesOf(accountId).stream()
                .filter(invoice -> invoice.getDueDate().isBefore(today) && !invoice.getExternalId().startsWith(EXTERNAL_ID_PREFIX)
                        && (invoice.isOpen() || Invoice.PAID.equals(invoice.getStatus()) && !invoice.getUpdatedAt().isBefore(paidSince)))
                .toList();
        Map<Long, List<DatedAllocation>> money = allocations.ofInvoices(late.stream().map(Invoice::getId).toList());
        int booked = 0;
        for (Invoice invoice : late) {
            BalanceHistory balances = BalanceHistory.of(invoice.getBalance(), money.getOrDefault(invoice.getId(), List.of()),
                    account.zone());
            booked += chargeInvoice(account, invoice, balances, segment.get(), today);
        }
        return booked;
    }

    private int chargeInvoice(Account account, Invoice invoice, BalanceHistory balances, SegmentPolicy segment, LocalDate today) {
        Optional<LocalDate> paidOn = balances.paidInFullOn();
        if (!invoice.isOpen() && paidOn.isEmpty()) {
            return 0;
        }
        Set<String> charged = new HashSet<>(jdbc.sql("select period || ':' || kind from late_charge where invoice_id = ?")
                .param(invoice.getId()).query(String.class).list());
        Currency currency = Money.currency(invoice.getCurrency());
        int booked = 0;
        if (segment.interestPoints() != null) {
            for (Period period : LateInterest.chargeablePeriods(invoice.getDueDate(), today, paidOn)) {
                if (!charged.contains(period.month() + ":" + INTEREST)
                        && chargeInterest(account, invoice, balances, period, segment, currency, today)) {
                    booked++;
                }
            }
        }
        boolean late = invoice.isOpen() || paidOn.get().isAfter(invoice.getDueDate());
        if (late && segment.flatCompensation() != null && currency.getCurrencyCode().equals(segment.flatCompensationCurrency())
                && !charged.contains(ONCE + ":" + FLAT)) {
            BigDecimal amount = Money.scaled(segment.flatCompensation(), currency);
            book(account, invoice, new Charge(ONCE, FLAT, null, null, null, null, null, amount), today,
                    "Late-payment compensation " + amount + " " + currency + " on invoice " + invoice.getNumber()
                            + paidOn.map(day -> " (paid late on " + day + ")").orElse(""));
            booked++;
        }
        return booked;
    }

    private boolean chargeInterest(Account account, Invoice invoice, BalanceHistory balances, Period period, SegmentPolicy segment,
                                   Currency currency, LocalDate today) {
        Optional<BigDecimal> reference = policy.referenceRateFor(period.month().atDay(1));
        if (reference.isEmpty()) {
            log.warn("No reference rate for {}: no interest on invoice {}", period.month(), invoice.getId());
            return false;
        }
        BigDecimal rate = reference.get().add(segment.interestPoints());
        Accrual accrual = LateInterest.accrue(period, balances);
        BigDecimal amount = LateInterest.amount(accrual.balanceDays(), rate, currency);
        if (amount.signum() <= 0) {
            return false;
        }
        String on = accrual.oneBalance().map(balance -> "on " + balance + " " + currency)
                .orElseGet(() -> "on a balance that changed: " + accrual.stretches().stream()
                        .map(stretch -> stretch.days() + " days on " + stretch.balance() + " " + currency + " from " + stretch.from())
                        .collect(Collectors.joining(", ")));
        String paid = period.to().isBefore(period.month().atEndOfMonth()) ? "; paid in full on " + period.to().plusDays(1) : "";
        book(account, invoice, new Charge(period.month().toString(), INTEREST, (int) accrual.days(), rate,
                accrual.oneBalance().orElse(null), accrual.balanceDays(), accrual.breakdown(), amount), today,
                "Late-payment interest " + amount + " " + currency + " on invoice " + invoice.getNumber() + " for " + period.month()
                        + ": " + accrual.days() + " days at " + plain(rate) + " % (" + plain(reference.get()) + " % reference + "
                        + plain(segment.interestPoints()) + " points) " + on + paid);
        return true;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** {@code base} the balance when one held for all days, {@code balanceDays} the sum of balance × days. */
    private record Charge(String period, String kind, Integer days, BigDecimal annualRate, BigDecimal base, BigDecimal balanceDays,
                          String breakdown, BigDecimal amount) {

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
        jdbc.sql("insert into late_charge (invoice_id, account_id, period, kind, days, annual_rate, base_amount, balance_days,"
                        + " breakdown, amount, currency, charge_invoice_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(invoice.getId(), account.getId(), charge.period(), charge.kind(), charge.days(), charge.annualRate(), charge.base(),
                        charge.balanceDays(), charge.breakdown(), charge.amount(), invoice.getCurrency(), booked.getId(),
                        Timestamp.from(clock.instant()))
                .update();
        timeline.append(account.getId(), "LATE_CHARGE_BOOKED", summary, charge.externalId(invoice));
    }
}
