package io.dunwell.dunning;

import org.camunda.bpm.engine.RuntimeService;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.Receivables;
import io.dunwell.timeline.Timeline;

/**
 * Opens and ends dunning cases, at most one active per account. Every method joins the caller's
 * transaction, so a case, its timeline entry and the account's status commit together with the
 * process step that asked for them.
 */
@Service
public class DunningCases {

    private final DunningCaseRepository cases;
    private final Receivables receivables;
    private final Accounts accounts;
    private final Timeline timeline;
    private final Clock clock;
    private final RuntimeService runtime;

    DunningCases(DunningCaseRepository cases, Receivables receivables, Accounts accounts, Timeline timeline, Clock clock,
                 RuntimeService runtime) {
        this.runtime = runtime;
        this.cases = cases;
        this.receivables = receivables;
        this.accounts = accounts;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Opens an active case for the account, or returns empty when it already has one. Checks under
     * the account's write lock, so a concurrent run or a second node waits here and then sees the
     * committed case instead of failing the caller's transaction on the unique constraint; the
     * constraint stays as the guard for writers that skip the lock.
     */
    @Transactional
    public Optional<DunningCase> open(Long accountId) {
        return Optional.ofNullable(openAll(List.of(accountId)).get(accountId));
    }

    /**
     * Opens cases for many accounts with a handful of statements instead of several per account:
     * one lock query, one look-up of the active cases, batched inserts. Returns the cases opened,
     * by account id; accounts that already had an active case are left out.
     */
    @Transactional
    public Map<Long, DunningCase> openAll(Collection<Long> accountIds) {
        receivables.lockAll(accountIds);
        Set<Long> toOpen = new LinkedHashSet<>(accountIds);
        toOpen.removeAll(cases.activeAccountIdsAmong(accountIds));
        Map<Long, DunningCase> opened = new LinkedHashMap<>();
        for (Long accountId : toOpen) {
            DunningCase dunningCase = cases.save(new DunningCase(accountId, clock.instant()));
            timeline.append(accountId, "DUNNING_CASE_OPENED", "Dunning case " + dunningCase.getId() + " opened", reference(dunningCase));
            opened.put(accountId, dunningCase);
        }
        if (!toOpen.isEmpty()) {
            accounts.changeCollectionStatus(toOpen, CollectionStatus.IN_COLLECTIONS);
        }
        return opened;
    }

    /** Records which process instance runs the case; repeating it with the same id changes nothing. */
    @Transactional
    public DunningCase attachProcess(Long caseId, String processInstanceId) {
        DunningCase dunningCase = require(caseId);
        dunningCase.attach(processInstanceId);
        return dunningCase;
    }

    /**
     * Ends an active case as SETTLED (the account is back in good standing) or CLOSED; a case that
     * already ended stays as it ended, so a retried process step changes nothing.
     */
    @Transactional
    public DunningCase close(Long caseId, DunningCaseStatus outcome, String reason) {
        DunningCase dunningCase = require(caseId);
        if (!dunningCase.isActive()) {
            return dunningCase;
        }
        dunningCase.close(outcome, reason, clock.instant());
        timeline.append(dunningCase.getAccountId(), "DUNNING_CASE_CLOSED",
                "Dunning case " + caseId + " " + outcome.name().toLowerCase() + (reason == null ? "" : ": " + reason),
                reference(dunningCase));
        if (outcome == DunningCaseStatus.SETTLED) {
            accounts.changeCollectionStatus(dunningCase.getAccountId(), CollectionStatus.GOOD_STANDING);
        }
        return dunningCase;
    }

    /**
     * Ends the account's active case from outside its process (a bulk write-off or placement): the
     * case is closed and its process instance, wherever it waits, is ended with it, so no reminder
     * or Tasklist call outlives the decision.
     */
    @Transactional
    public void endFromOutside(Long accountId, String reason) {
        activeFor(accountId).ifPresent(dunningCase -> {
            close(dunningCase.getId(), DunningCaseStatus.CLOSED, reason);
            if (dunningCase.getProcessInstanceId() != null
                    && runtime.createProcessInstanceQuery().processInstanceId(dunningCase.getProcessInstanceId()).count() > 0) {
                runtime.deleteProcessInstance(dunningCase.getProcessInstanceId(), reason, true);
            }
        });
    }

    @Transactional(readOnly = true)
    public Optional<DunningCase> activeFor(Long accountId) {
        return cases.findByActiveAccountId(accountId);
    }

    @Transactional(readOnly = true)
    public DunningCase require(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalArgumentException("no dunning case " + caseId));
    }

    private static String reference(DunningCase dunningCase) {
        return reference(dunningCase.getId());
    }

    /** How a timeline entry refers to the case it belongs to. */
    static String reference(Long caseId) {
        return "dunning-case:" + caseId;
    }
}
