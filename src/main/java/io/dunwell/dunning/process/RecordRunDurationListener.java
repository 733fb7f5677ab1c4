package io.dunwell.dunning.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.DunningMetrics;

/** EndEvent_RunCompleted: the run's duration, from the instant it was planned at, into its timer. */
@Component
public class RecordRunDurationListener implements ExecutionListener {

    private final DunningMetrics metrics;

    RecordRunDurationListener(DunningMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void notify(DelegateExecution execution) {
        metrics.runCompleted(((Date) execution.getVariable(DunningRunVariables.RUN_AT)).toInstant());
    }
}
