package io.dunwell.bulk;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One account of a bulk run: PENDING until its own transaction makes it DONE, SKIPPED or FAILED. */
@Entity
@Table(name = "bulk_action_account")
class BulkRunAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulk_action_account_seq")
    @SequenceGenerator(name = "bulk_action_account_seq", sequenceName = "bulk_action_account_seq", allocationSize = 50)
    private Long id;

    private Long bulkActionId;
    private int position;
    private Long accountId;
    private String status = BulkResult.PENDING;
    private String detail;
    private BigDecimal amount;
    private String currency;
    private String reference;

    protected BulkRunAccount() {
    }

    BulkRunAccount(Long bulkActionId, int position, Long accountId) {
        this.bulkActionId = bulkActionId;
        this.position = position;
        this.accountId = accountId;
    }

    void record(BulkAction.Outcome outcome) {
        status = outcome.status();
        detail = outcome.detail() == null ? null : outcome.detail().substring(0, Math.min(2000, outcome.detail().length()));
        amount = outcome.amount();
        currency = outcome.currency();
        reference = outcome.reference();
    }

    /** What the account would move, kept while the run awaits approval: the approver approves these amounts. */
    void plan(String detail, BigDecimal amount, String currency) {
        this.detail = detail;
        this.amount = amount;
        this.currency = currency;
    }

    Long getId() {
        return id;
    }

    Long getAccountId() {
        return accountId;
    }

    String getStatus() {
        return status;
    }

    String getDetail() {
        return detail;
    }

    BigDecimal getAmount() {
        return amount;
    }

    String getCurrency() {
        return currency;
    }

    String getReference() {
        return reference;
    }
}
