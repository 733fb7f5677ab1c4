package io.dunwell.dunning;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives the job executor by hand, for the given process instances only: other tests' instances
 * share the engine and must not be touched.
 */
public class CaseJobs {

    private static final int MAX_ROUNDS = 200;

    private final ManagementService management;

    public CaseJobs(ManagementService management) {
        this.management = management;
    }

    /** Executes every job of the instance that is due now, and the ones they create, until none is due. */
    public int runDue(String processInstanceId) {
        int executed = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        throw new IllegalStateException("Process instance " + processInstanceId + " still has due jobs after " + MAX_ROUNDS
                + " rounds: it loops without waiting");
    }

    /** The only job of the instance that is due now; fails when there is none or more than one. */
    public Job theDueJob(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).executable().singleResult();
    }
}
