package io.dunwell.dunning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.agent.EscalationPoints;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.timeline.Timeline;

/**
 * An account that calls did not bring back: escalated to the agent's escalation point (else the
 * supervisors), who continues collection, places it with an agency, freezes it or writes it off.
 */
@Service
public class Escalations {

    public static final String CONTINUE = "continue";
    public static final String AGENCY = "agency";
    public static final String FREEZE = "freeze";
    public static final String WRITE_OFF = "writeOff";
    private static final Set<String> DECISIONS = Set.of(CONTINUE, AGENCY, FREEZE, WRITE_OFF);

    /**
     * Why the case is escalated and what led there, as the process knows it.
     *
     * @param reason         the agent's reason when the agent escalated, else null
     * @param writeOffDecision the approver's answer when a write-off was refused, else null
     */
    public record Cause(String reason, int callAttempts, int maxCallAttempts, int brokenPromises, String writeOffDecision) {
    }

    /** @param assignee the agent's escalation point, or null for the supervisors group */
    public record Escalated(String reason, String assignee) {
    }

    /** The balance to write off, for the approver. */
    public record WriteOffProposal(String amount, String value, String currency) {
    }

    /** @param writeOff the balance to write off for a write-off decision, else null */
    public record Decided(String decidedBy, WriteOffProposal writeOff) {
    }

    private final Accounts accounts;
    private final Receivables receivables;
    private final EscalationPoints escalationPoints;
    private final DunningCases cases;
    private final Timeline timeline;
    private final CurrentUser currentUser;

    Escalations(Accounts accounts, Receivables receivables, EscalationPoints escalationPoints, DunningCases cases,
                Timeline timeline, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.receivables = receivables;
        this.escalationPoints = escalationPoints;
        this.cases = cases;
        this.timeline = timeline;
    }

    @Transactional
    public Escalated escalate(Long caseId, Long accountId, Cause cause) {
        String reason = reasonOf(cause);
        accounts.changeCollectionStatus(accountId, CollectionStatus.ESCALATED);
        timeline.append(accountId, "ESCALATED", "Escalated: " + reason, DunningCases.reference(caseId));
        return new Escalated(reason, escalationPoints.of(accounts.get(accountId).getAssignedAgent()).orElse(null));
    }

    /** Records the reviewer's decision. */
    @Transactional
    public Decided decide(Long caseId, Long accountId, String decision, String agencyName, String note) {
        validate(decision, agencyName);
        String decidedBy = currentUser.id();
        timeline.append(accountId, "ESCALATION_DECIDED", "Escalation decided by " + decidedBy + ": " + decision
                + (AGENCY.equals(decision) ? " (" + agencyName.trim() + ")" : "") + CallOutcomes.suffix(note),
                DunningCases.reference(caseId));
        if (CONTINUE.equals(decision)) {
            accounts.changeCollectionStatus(accountId, CollectionStatus.IN_COLLECTIONS);
        }
        if (!WRITE_OFF.equals(decision)) {
            return new Decided(decidedBy, null);
        }
        Account account = accounts.get(accountId);
        Balances balances = receivables.balancesOf(account);
        return new Decided(decidedBy, new WriteOffProposal(AccountFormats.money(balances.openBalance(), account),
                balances.openBalance().toPlainString(), balances.currency()));
    }

    /** Stops all dunning of the account and ends the case. */
    @Transactional
    public void freeze(Long caseId, Long accountId, String note) {
        accounts.freeze(accountId, note == null || note.isBlank() ? "frozen on escalation" : note.trim());
        cases.close(caseId, DunningCaseStatus.CLOSED, "account frozen");
    }

    /**
     * A refused write-off first (the agent's reason that led to it is stale by now), then the
     * agent's reason, else what the process counted on the way here.
     */
    private static String reasonOf(Cause cause) {
        if (cause.writeOffDecision() != null) {
            return "write-off not approved";
        }
        if (cause.reason() != null && !cause.reason().isBlank()) {
            return cause.reason();
        }
        if (cause.callAttempts() >= cause.maxCallAttempts()) {
            return cause.callAttempts() + " calls without contact";
        }
        if (cause.brokenPromises() >= 2) {
            return "second broken promise";
        }
        return "escalated";
    }

    private static void validate(String decision, String agencyName) {
        List<FieldError> errors = new ArrayList<>();
        if (decision == null || !DECISIONS.contains(decision)) {
            errors.add(new FieldError("escalationDecision", "must be one of " + String.join(", ", DECISIONS.stream().sorted().toList())
                    + ", not " + decision));
        } else if (AGENCY.equals(decision) && (agencyName == null || agencyName.isBlank())) {
            errors.add(new FieldError("agencyName", "name the collection agency"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }
}
