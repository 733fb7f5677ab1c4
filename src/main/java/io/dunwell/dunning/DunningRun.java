package io.dunwell.dunning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Accounts;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.dunning.process.DunningRunVariables;

/**
 * The work of one dunning run: cut the account id space into partitions, then open a case and
 * start its {@code DunningCaseProcess} for every delinquent account of a partition. A partition
 * runs in one transaction, so it commits completely or not at all, and its retry resumes the run.
 */
@Service
public class DunningRun {

    /** Accounts per page inside a partition: one lock query, one insert batch, one status update. */
    static final int PAGE_SIZE = 500;

    private final DelinquentAccounts delinquent;
    private final DunningCases cases;
    private final Accounts accounts;
    private final RuntimeService runtime;
    private final DunningPolicy policy;

    DunningRun(DelinquentAccounts delinquent, DunningCases cases, Accounts accounts, RuntimeService runtime,
               DunningPolicy policy) {
        this.delinquent = delinquent;
        this.cases = cases;
        this.accounts = accounts;
        this.runtime = runtime;
        this.policy = policy;
    }

    /** Starts a run now, the same run the schedule starts; its partitions then open cases in jobs of their own. */
    @Transactional
    public StartedRun start() {
        ProcessInstance instance = runtime.startProcessInstanceByMessage(DunningRunVariables.MSG_RUN_REQUESTED);
        return new StartedRun(instance.getId(), (Integer) runtime.getVariable(instance.getId(), DunningRunVariables.PARTITION_COUNT));
    }

    /** A run that was started: its process instance and how many partitions it opens cases in. */
    public record StartedRun(String id, int partitions) {
    }

    /** How many partitions of {@link #partitionSize()} account ids cover all accounts. */
    @Transactional(readOnly = true)
    public int partitionCount() {
        long maxId = delinquent.maxAccountId().orElse(0L);
        return (int) ((maxId + policy.partitionSize() - 1) / policy.partitionSize());
    }

    public long partitionSize() {
        return policy.partitionSize();
    }

    /**
     * Opens the cases of partition {@code index} (account ids from {@code index * size + 1} through
     * {@code (index + 1) * size}) as delinquent at {@code runAt}; returns how many it opened. An
     * account that already has an active case is left alone, so a repeated or concurrent run changes
     * nothing.
     */
    @Transactional
    public int openCases(int index, long size, Instant runAt) {
        long after = index * size;
        long through = after + size;
        int opened = 0;
        List<Long> page;
        while (!(page = delinquent.page(after, through, PAGE_SIZE, runAt)).isEmpty()) {
            opened += start(cases.openAll(page));
            after = page.get(page.size() - 1);
        }
        return opened;
    }

    /**
     * Opens the case of one account now, whether or not the run would find it delinquent (the
     * console's "start dunning"); empty when the account already has an active case.
     */
    @Transactional
    public Optional<DunningCase> openCase(Long accountId) {
        Map<Long, DunningCase> opened = cases.openAll(List.of(accountId));
        start(opened);
        return Optional.ofNullable(opened.get(accountId));
    }

    private int start(Map<Long, DunningCase> opened) {
        Map<Long, String> externalIds = accounts.externalIdsOf(opened.keySet());
        opened.forEach((accountId, dunningCase) -> {
            ProcessInstance instance = runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY)
                    .businessKey(externalIds.get(accountId))
                    .setVariable(DunningCaseVariables.ACCOUNT_ID, accountId)
                    .setVariable(DunningCaseVariables.CASE_ID, dunningCase.getId())
                    .execute();
            dunningCase.attach(instance.getId());
        });
        return opened.size();
    }
}
