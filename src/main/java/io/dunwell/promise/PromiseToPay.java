package io.dunwell.promise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.dunwell.system.Money;

/** What a customer promised an agent to pay, in one amount or in installments. Never deleted. */
@Entity
@Table(name = "promise_to_pay")
public class PromiseToPay {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promise_to_pay_seq")
    @SequenceGenerator(name = "promise_to_pay_seq", sequenceName = "promise_to_pay_seq", allocationSize = 50)
    private Long id;

    private Long accountId;
    private Long dunningCaseId;
    private BigDecimal total;
    private String currency;
    private Instant madeAt;
    private String madeBy;
    private String note;
    @Enumerated(EnumType.STRING)
    private PromiseStatus status;
    @Version
    private long version;

    protected PromiseToPay() {
    }

    PromiseToPay(Long accountId, Long dunningCaseId, BigDecimal total, String currency, Instant now, String madeBy, String note) {
        this.accountId = accountId;
        this.dunningCaseId = dunningCaseId;
        this.total = total;
        this.currency = currency;
        // the database keeps microseconds: the first answer and every later read agree on when it was made
        this.madeAt = now.truncatedTo(ChronoUnit.MICROS);
        this.madeBy = madeBy;
        this.note = note;
        this.status = PromiseStatus.OPEN;
    }

    @PostLoad
    void scaleToCurrency() {
        total = Money.scaled(total, Money.currency(currency));
    }

    void end(PromiseStatus outcome) {
        this.status = outcome;
    }

    public boolean isOpen() {
        return status == PromiseStatus.OPEN;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getDunningCaseId() {
        return dunningCaseId;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getMadeAt() {
        return madeAt;
    }

    public String getMadeBy() {
        return madeBy;
    }

    public String getNote() {
        return note;
    }

    public PromiseStatus getStatus() {
        return status;
    }
}
