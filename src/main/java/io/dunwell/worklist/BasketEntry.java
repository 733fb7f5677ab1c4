package io.dunwell.worklist;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One account in a basket and, once worked in the session, how the agent left it. */
@Embeddable
public class BasketEntry {

    private Long accountId;
    @Enumerated(EnumType.STRING)
    private SessionOutcome outcome;
    private String outcomeReason;
    private String note;
    private String workedBy;
    private Instant workedAt;

    protected BasketEntry() {
    }

    BasketEntry(Long accountId) {
        this.accountId = accountId;
    }

    void worked(SessionOutcome outcome, String reason, String note, String by, Instant at) {
        this.outcome = outcome;
        this.outcomeReason = reason;
        this.note = note;
        this.workedBy = by;
        this.workedAt = at;
    }

    public boolean isWorked() {
        return outcome != null;
    }

    public Long getAccountId() {
        return accountId;
    }

    public SessionOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public String getNote() {
        return note;
    }

    public String getWorkedBy() {
        return workedBy;
    }

    public Instant getWorkedAt() {
        return workedAt;
    }
}
