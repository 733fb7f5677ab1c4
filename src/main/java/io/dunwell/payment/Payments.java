package io.dunwell.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.AllocationSource;
import io.dunwell.invoice.Booking;
import io.dunwell.invoice.BookingMetrics;
import io.dunwell.invoice.BookingInput;
import io.dunwell.invoice.PaymentAllocationReversed;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.Fingerprint;
import io.dunwell.system.MoneyInput;
import io.dunwell.system.Recorded;
import io.dunwell.timeline.Timeline;

/**
 * Books payments exactly once per billing-system id: the same payment sent three times is one
 * payment; the same id with other content is a conflict and changes nothing.
 */
@Service
public class Payments {

    private final PaymentRepository payments;
    private final Accounts accounts;
    private final Receivables receivables;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BookingMetrics metrics;

    Payments(PaymentRepository payments, Accounts accounts, Receivables receivables, Timeline timeline,
                   ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
                   BookingMetrics metrics) {
        this.payments = payments;
        this.accounts = accounts;
        this.receivables = receivables;
        this.timeline = timeline;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.metrics = metrics;
    }

    public Recorded<Payment> record(PaymentCommand command) {
        return Recorded.once(transaction, () -> attempt(command));
    }

    public Optional<Payment> find(String externalId) {
        return payments.findByExternalId(externalId);
    }

    public List<Payment> of(Long accountId) {
        return payments.findByAccountIdOrderByReceivedAtAscIdAsc(accountId);
    }

    /** The account's newest {@code limit} payments, newest first. */
    public List<Payment> latest(Long accountId, int limit) {
        return payments.findByAccountIdOrderByReceivedAtDescIdDesc(accountId, Limit.of(limit));
    }

    public long count(Long accountId) {
        return payments.countByAccountId(accountId);
    }

    /**
     * What the payments recorded on the account at or after {@code since} add up to. Counted by
     * when Dunwell recorded them, not by the billing system's received date, which may lie before.
     */
    public BigDecimal totalSince(Long accountId, Instant since) {
        return payments.totalRecordedSince(accountId, since);
    }

    /**
     * Applies what the account's payments left unapplied (an overpayment, a payment before its
     * invoice) to its open invoices, oldest payment first; before a write-off, so that the invoices
     * close instead of staying open beside an unapplied credit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyHeldCredit(Long accountId) {
        for (Payment payment : payments.findByAccountIdOrderByReceivedAtAscIdAsc(accountId)) {
            if (payment.getUnappliedAmount().signum() > 0) {
                BigDecimal applied = receivables.applyHeldCredit(accountId, payment.getUnappliedAmount(), AllocationSource.payment(payment.getId()));
                payment.heldCreditApplied(applied);
                if (applied.signum() > 0) {
                    timeline.append(accountId, "CREDIT_APPLIED", "Unapplied " + payment.getCurrency() + " " + applied.toPlainString()
                            + " of payment " + payment.getExternalId() + " applied to open invoices", payment.getExternalId());
                }
            }
        }
    }

    /** Runs in the transaction that voided the invoice. */
    @EventListener
    void on(PaymentAllocationReversed event) {
        payments.findById(event.paymentId()).orElseThrow().allocationReversed(event.amount());
    }

    private Recorded<Payment> attempt(PaymentCommand c) {
        BookingInput.requireIds(c.externalId(), c.accountId(), c.receivedAt(), "receivedAt", "reference", c.reference(), 200);
        Account account = accounts.find(c.accountId())
                .orElseThrow(() -> new BadRequestException("accountId", "no account with id " + c.accountId()));
        BigDecimal amount = MoneyInput.positive(c.amount(), c.currency(), account.getCurrency());
        String fingerprint = Fingerprint.of(c.accountId(), amount, c.currency(), c.receivedAt(), c.reference(),
                BookingInput.canonical(c.allocations()));
        Optional<Payment> existing = payments.findByExternalId(c.externalId());
        if (existing.isPresent()) {
            if (!existing.get().getFingerprint().equals(fingerprint)) {
                throw new ConflictException("Payment " + c.externalId() + " was already recorded with other content");
            }
            return new Recorded<>(existing.get(), true);
        }
        Payment payment = payments.save(new Payment(c.externalId(), account.getId(), amount, c.currency(), c.receivedAt(),
                c.reference(), fingerprint, clock.instant()));
        Booking booking = receivables.book(account.getId(), amount, c.allocations(), AllocationSource.payment(payment.getId()));
        payment.booked(booking);
        timeline.append(account.getId(), "PAYMENT_RECEIVED", "Payment of " + c.currency() + " " + amount.toPlainString()
                + " received, " + booking.describe(), c.externalId());
        events.publishEvent(new PaymentRecorded(account.getId(), payment.getId()));
        metrics.booked(BookingMetrics.PAYMENT, 1);
        return new Recorded<>(payment, false);
    }
}
