package io.dunwell.bulk;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A bulk freeze of one account, with the state it found, so that a rollback restores exactly that. */
@Entity
@Table(name = "account_freeze")
class AccountFreeze {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_freeze_seq")
    @SequenceGenerator(name = "account_freeze_seq", sequenceName = "account_freeze_seq", allocationSize = 50)
    private Long id;

    private Long accountId;
    private String reason;
    private String note;
    private boolean wasFrozen;
    private String previousReason;
    private String frozenBy;
    private Instant frozenAt;
    private String rolledBackBy;
    private Instant rolledBackAt;

    protected AccountFreeze() {
    }

    AccountFreeze(Long accountId, String reason, String note, boolean wasFrozen, String previousReason, String frozenBy,
                  Instant frozenAt) {
        this.accountId = accountId;
        this.reason = reason;
        this.note = note;
        this.wasFrozen = wasFrozen;
        this.previousReason = previousReason;
        this.frozenBy = frozenBy;
        this.frozenAt = frozenAt;
    }

    void rolledBack(String by, Instant at) {
        rolledBackBy = by;
        rolledBackAt = at;
    }

    Long getId() {
        return id;
    }

    boolean wasFrozen() {
        return wasFrozen;
    }

    String getPreviousReason() {
        return previousReason;
    }

    String getReason() {
        return reason;
    }
}
