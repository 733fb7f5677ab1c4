package io.dunwell.dunning.process;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.DunningRun;

/** Task_PlanPartitions: fixes the run's instant and how many partitions its multi-instance task runs. */
@Component
public class PlanDunningRunDelegate implements JavaDelegate {

    private final DunningRun run;
    private final Clock clock;

    PlanDunningRunDelegate(DunningRun run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DunningRunVariables.RUN_AT, Date.from(clock.instant()));
        execution.setVariable(DunningRunVariables.PARTITION_SIZE, run.partitionSize());
        execution.setVariable(DunningRunVariables.PARTITION_COUNT, run.partitionCount());
    }
}
