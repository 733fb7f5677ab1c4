package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The part of a payment or a credit note that went to one invoice. */
@Entity
@Table(name = "allocation")
public class Allocation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "allocation_seq")
    @SequenceGenerator(name = "allocation_seq", sequenceName = "allocation_seq", allocationSize = 50)
    private Long id;

    private Long invoiceId;
    private Long paymentId;
    private Long creditNoteId;
    private BigDecimal amount;
    private Instant createdAt;
    private Instant reversedAt;

    protected Allocation() {
    }

    Allocation(Long invoiceId, AllocationSource source, BigDecimal amount, Instant now) {
        this.invoiceId = invoiceId;
        this.paymentId = source.paymentId();
        this.creditNoteId = source.creditNoteId();
        this.amount = amount;
        this.createdAt = now;
    }

    void reverse(Instant now) {
        this.reversedAt = now;
    }

    public Instant getReversedAt() {
        return reversedAt;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public Long getPaymentId() {
        return paymentId;
    }

    public Long getCreditNoteId() {
        return creditNoteId;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
