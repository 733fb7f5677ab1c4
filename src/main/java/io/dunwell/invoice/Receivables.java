package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.AccountCreated;
import io.dunwell.account.AccountCurrencyChanged;
import io.dunwell.account.AccountWorkChanged;
import io.dunwell.account.LedgerActivity;
import io.dunwell.system.Money;

/**
 * The per-account receivables summary. Every booking locks the account's row first and
 * refreshes it before commit, so the summary never disagrees with the invoices and payments.
 */
@Service
public class Receivables implements LedgerActivity {

    private final ReceivablesSummaryRepository summaries;
    private final InvoiceRepository invoices;
    private final Clock clock;

    private final Allocator allocator;
    private final AllocationRepository allocations;

    private final EntityManager entityManager;

    Receivables(ReceivablesSummaryRepository summaries, InvoiceRepository invoices, Allocator allocator,
                AllocationRepository allocations, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.allocator = allocator;
        this.allocations = allocations;
        this.summaries = summaries;
        this.invoices = invoices;
        this.clock = clock;
    }

    /**
     * Persists rather than saves: the summary's id is the account's, so {@code save} would take it
     * for an existing row and merge, which selects first — a query per created account.
     */
    @EventListener
    void on(AccountCreated event) {
        entityManager.persist(new ReceivablesSummary(event.accountId(), event.currency(), clock.instant()));
    }

    @EventListener
    void on(AccountCurrencyChanged event) {
        lock(event.accountId()).changeCurrency(event.currency());
    }

    /**
     * The summary's copies of the account's status and agent (V20), for the accounts list. Written
     * by this statement alone and not mapped on {@link ReceivablesSummary}, so a booking that saves
     * the summary it read earlier never writes back an older status.
     */
    @EventListener
    void on(AccountWorkChanged event) {
        entityManager.createNativeQuery("update receivables_summary set collection_status = ?, assigned_agent = ? where account_id = ?")
                .setParameter(1, event.collectionStatus()).setParameter(2, event.assignedAgent()).setParameter(3, event.accountId())
                .executeUpdate();
    }

    @Override
    public boolean hasBookings(Long accountId) {
        ReceivablesSummary summary = summaries.findById(accountId).orElse(null);
        return invoices.existsByAccountId(accountId) || summary != null && summary.getUnappliedCredit().signum() != 0;
    }

    /** Takes the account's write lock for the rest of the transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReceivablesSummary lock(Long accountId) {
        return summaries.lock(accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " has no receivables summary"));
    }

    /** Takes the write locks of many accounts at once, in id order, for the rest of the transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, ReceivablesSummary> lockAll(Collection<Long> accountIds) {
        return summaries.lockAll(accountIds).stream()
                .collect(Collectors.toMap(ReceivablesSummary::getAccountId, Function.identity()));
    }

    /** Recomputes the open-invoice part from the invoices; call after changing them, before commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(Map<Long, ReceivablesSummary> locked) {
        invoices.flush();
        Map<Long, OpenInvoiceTotals> totals = invoices.openTotals(locked.keySet()).stream()
                .collect(Collectors.toMap(OpenInvoiceTotals::accountId, Function.identity()));
        locked.forEach((accountId, summary) -> {
            OpenInvoiceTotals current = totals.getOrDefault(accountId, new OpenInvoiceTotals(accountId, 0, BigDecimal.ZERO, null));
            // a paid or void invoice leaves the totals as they were: no update, no new row version
            if (!shows(summary, current)) {
                summary.refresh(current, clock.instant());
            }
        });
    }

    private static boolean shows(ReceivablesSummary summary, OpenInvoiceTotals totals) {
        return summary.getOpenInvoiceCount() == totals.count() && summary.getOpenInvoiceTotal().compareTo(totals.total()) == 0
                && Objects.equals(summary.getOldestUnpaidDueDate(), totals.oldestDueDate());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(ReceivablesSummary locked) {
        refresh(Map.of(locked.getAccountId(), locked));
    }

    /**
     * Applies up to {@code held} of credit the account already holds as unapplied (from the payment
     * or credit note {@code source}) to its open invoices, oldest first, and returns how much was
     * applied: that much is no longer unapplied credit. The account's balance does not change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal applyHeldCredit(Long accountId, BigDecimal held, AllocationSource source) {
        ReceivablesSummary locked = lock(accountId);
        Booking booking = allocator.allocate(accountId, held.min(locked.getUnappliedCredit()).max(BigDecimal.ZERO), null, source);
        BigDecimal applied = booking.applied().stream().map(AppliedInvoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        locked.addUnapplied(applied.negate(), clock.instant());
        refresh(locked);
        return applied;
    }

    /**
     * Books money received on the account: takes the account's lock, applies the money to its
     * invoices and keeps the rest as unapplied credit, then refreshes the summary.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Booking book(Long accountId, BigDecimal amount, List<AllocationRequest> requested, AllocationSource source) {
        ReceivablesSummary locked = lock(accountId);
        Booking booking = allocator.allocate(accountId, amount, requested, source);
        locked.addUnapplied(booking.unapplied(), clock.instant());
        refresh(locked);
        return booking;
    }

    /** The balances as of today in the account's time zone. */
    @Transactional(readOnly = true)
    public Balances balancesOf(Account account) {
        ReceivablesSummary summary = summaries.findById(account.getId()).orElseThrow();
        LocalDate today = account.today(clock);
        var currency = account.currency();
        BigDecimal overdue = invoices.overdueTotal(account.getId(), today).subtract(summary.getUnappliedCredit()).max(BigDecimal.ZERO);
        LocalDate oldest = summary.getOldestUnpaidDueDate();
        long daysPastDue = oldest == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(oldest, today));
        return new Balances(account.getCurrency(), Money.scaled(summary.openBalance(), currency), Money.scaled(overdue, currency),
                Money.scaled(summary.getUnappliedCredit(), currency), summary.getOpenInvoiceCount(), oldest, daysPastDue);
    }

    @Transactional(readOnly = true)
    public List<Invoice> invoicesOf(Long accountId) {
        return invoices.findByAccountIdOrderByDueDateAscIdAsc(accountId);
    }

    /** The open ones of {@link #invoicesOf}, in the same order, without loading a large customer's paid history. */
    @Transactional(readOnly = true)
    public List<Invoice> openInvoicesOf(Long accountId) {
        return invoices.findByAccountIdAndStatusOrderByDueDateAscIdAsc(accountId, Invoice.OPEN);
    }

    /** How a booked payment or credit note is applied now (reversed parts left out), in the order it was applied. */
    @Transactional(readOnly = true)
    public List<AppliedInvoice> appliedFrom(AllocationSource source) {
        List<Allocation> parts = source.paymentId() != null
                ? allocations.findByPaymentIdAndReversedAtIsNullOrderById(source.paymentId())
                : allocations.findByCreditNoteIdAndReversedAtIsNullOrderById(source.creditNoteId());
        Map<Long, Invoice> byId = invoices.findAllById(parts.stream().map(Allocation::getInvoiceId).toList()).stream()
                .collect(Collectors.toMap(Invoice::getId, Function.identity()));
        return parts.stream().map(part -> {
            Invoice invoice = byId.get(part.getInvoiceId());
            return new AppliedInvoice(invoice.getExternalId(), invoice.getNumber(),
                    Money.scaled(part.getAmount(), Money.currency(invoice.getCurrency())));
        }).toList();
    }
}
