package io.dunwell.dunning;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The collection effort for one account, from the run that found it delinquent until it is
 * settled or closed. Cases are never deleted: they are the account's dunning history.
 */
@Entity
@Table(name = "dunning_case")
public class DunningCase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dunning_case_seq")
    @SequenceGenerator(name = "dunning_case_seq", sequenceName = "dunning_case_seq", allocationSize = 50)
    private Long id;

    private Long accountId;
    /** The account's id while ACTIVE, else null: the unique constraint on it allows one active case per account. */
    private Long activeAccountId;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private DunningCaseStatus status;
    private Instant openedAt;
    private Instant closedAt;
    private String closeReason;
    @Version
    private long version;

    protected DunningCase() {
    }

    DunningCase(Long accountId, Instant now) {
        this.accountId = accountId;
        this.activeAccountId = accountId;
        this.status = DunningCaseStatus.ACTIVE;
        this.openedAt = now;
    }

    void attach(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new IllegalStateException("dunning case " + id + " already runs as process instance " + this.processInstanceId);
        }
        this.processInstanceId = processInstanceId;
    }

    void close(DunningCaseStatus outcome, String reason, Instant now) {
        if (outcome == DunningCaseStatus.ACTIVE) {
            throw new IllegalArgumentException("a case closes as SETTLED or CLOSED, not ACTIVE");
        }
        this.status = outcome;
        this.closeReason = reason;
        this.closedAt = now;
        this.activeAccountId = null;
    }

    public boolean isActive() {
        return status == DunningCaseStatus.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public DunningCaseStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getCloseReason() {
        return closeReason;
    }
}
