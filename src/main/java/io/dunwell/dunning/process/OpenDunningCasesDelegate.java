package io.dunwell.dunning.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.DunningRun;

/** Task_OpenDunningCases: one partition of the run, in a job of its own. */
@Component
public class OpenDunningCasesDelegate implements JavaDelegate {

    private final DunningRun run;

    OpenDunningCasesDelegate(DunningRun run) {
        this.run = run;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int partition = (Integer) execution.getVariable(DunningRunVariables.LOOP_COUNTER);
        long size = (Long) execution.getVariable(DunningRunVariables.PARTITION_SIZE);
        Date runAt = (Date) execution.getVariable(DunningRunVariables.RUN_AT);
        run.openCases(partition, size, runAt.toInstant());
    }
}
