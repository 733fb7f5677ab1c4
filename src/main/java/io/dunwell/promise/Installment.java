package io.dunwell.promise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

/**
 * One date and amount of a promise; a single-date promise has one. Carries its currency so a
 * reminder can name the amount without loading the promise.
 */
@Entity
@Table(name = "installment")
public class Installment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "installment_seq")
    @SequenceGenerator(name = "installment_seq", sequenceName = "installment_seq", allocationSize = 50)
    private Long id;

    private Long promiseId;
    private int number;
    private LocalDate dueDate;
    private BigDecimal amount;
    private String currency;
    @Enumerated(EnumType.STRING)
    private PromiseStatus status;
    private Instant checkedAt;
    @Version
    private long version;

    protected Installment() {
    }

    Installment(Long promiseId, int number, LocalDate dueDate, BigDecimal amount, String currency) {
        this.promiseId = promiseId;
        this.number = number;
        this.dueDate = dueDate;
        this.amount = amount;
        this.currency = currency;
        this.status = PromiseStatus.OPEN;
    }

    @PostLoad
    void scaleToCurrency() {
        amount = Money.scaled(amount, Money.currency(currency));
    }

    void checked(InstallmentOutcome outcome, Instant now) {
        this.status = outcome.status();
        this.checkedAt = now;
    }

    public boolean isChecked() {
        return status != PromiseStatus.OPEN;
    }

    /** The outcome recorded when it was checked; only for a checked installment. */
    public InstallmentOutcome outcome() {
        if (!isChecked()) {
            throw new IllegalStateException("installment " + number + " of promise " + promiseId + " was not checked yet");
        }
        return InstallmentOutcome.valueOf(status.name());
    }

    public Long getId() {
        return id;
    }

    public Long getPromiseId() {
        return promiseId;
    }

    public int getNumber() {
        return number;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public PromiseStatus getStatus() {
        return status;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }
}
