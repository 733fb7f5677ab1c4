package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What an account owes, kept current in the transaction of every booking. The row is also the
 * account's write lock: bookings lock it first, so two payments for one account never race.
 */
@Entity
@Table(name = "receivables_summary")
public class ReceivablesSummary {

    @Id
    private Long accountId;
    private String currency;
    private BigDecimal openInvoiceTotal;
    private BigDecimal unappliedCredit;
    private int openInvoiceCount;
    private LocalDate oldestUnpaidDueDate;
    private Instant updatedAt;

    protected ReceivablesSummary() {
    }

    ReceivablesSummary(Long accountId, String currency, Instant now) {
        this.accountId = accountId;
        this.currency = currency;
        this.openInvoiceTotal = BigDecimal.ZERO;
        this.unappliedCredit = BigDecimal.ZERO;
        this.updatedAt = now;
    }

    void refresh(OpenInvoiceTotals totals, Instant now) {
        this.openInvoiceTotal = totals.total();
        this.openInvoiceCount = (int) totals.count();
        this.oldestUnpaidDueDate = totals.oldestDueDate();
        this.updatedAt = now;
    }

    void addUnapplied(BigDecimal amount, Instant now) {
        this.unappliedCredit = unappliedCredit.add(amount);
        this.updatedAt = now;
    }

    void changeCurrency(String currency) {
        this.currency = currency;
    }

    /** Open invoices less money received but not yet applied; negative when the customer is in credit. */
    public BigDecimal openBalance() {
        return openInvoiceTotal.subtract(unappliedCredit);
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getOpenInvoiceTotal() {
        return openInvoiceTotal;
    }

    public BigDecimal getUnappliedCredit() {
        return unappliedCredit;
    }

    public int getOpenInvoiceCount() {
        return openInvoiceCount;
    }

    public LocalDate getOldestUnpaidDueDate() {
        return oldestUnpaidDueDate;
    }
}
