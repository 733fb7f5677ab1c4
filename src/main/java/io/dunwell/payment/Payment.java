package io.dunwell.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.dunwell.invoice.Booking;

/** Money the customer paid, as the billing system reported it. Immutable once booked. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
    private Long id;

    private String externalId;
    private Long accountId;
    private BigDecimal amount;
    private String currency;
    private Instant receivedAt;
    private String reference;
    private BigDecimal unappliedAmount;
    private String fingerprint;
    private Instant createdAt;

    protected Payment() {
    }

    Payment(String externalId, Long accountId, BigDecimal amount, String currency, Instant receivedAt, String reference,
            String fingerprint, Instant now) {
        this.externalId = externalId;
        this.accountId = accountId;
        this.amount = amount;
        this.currency = currency;
        // the database keeps microseconds; drop the rest now, so the first answer and every later read agree
        this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        this.reference = reference;
        this.unappliedAmount = amount;
        this.fingerprint = fingerprint;
        this.createdAt = now;
    }

    void booked(Booking booking) {
        this.unappliedAmount = booking.unapplied();
    }

    /** What this payment had applied to an invoice that was voided is the customer's credit again. */
    /** Part of what was unapplied went to invoices later. */
    void heldCreditApplied(BigDecimal amount) {
        this.unappliedAmount = unappliedAmount.subtract(amount);
    }

    void allocationReversed(BigDecimal amount) {
        this.unappliedAmount = unappliedAmount.add(amount);
    }

    @PostLoad
    void scaleToCurrency() {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
        unappliedAmount = unappliedAmount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getReference() {
        return reference;
    }

    public BigDecimal getUnappliedAmount() {
        return unappliedAmount;
    }

    String getFingerprint() {
        return fingerprint;
    }
}
