package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.DISPUTE_RESOLUTION;
import static io.dunwell.dunning.process.DunningCaseVariables.RESOLUTION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.Disputes;

/** Task_RecordDisputeResolution: a refused resolution fails the supervisor's completion and leaves the task open. */
@Component
public class RecordDisputeResolutionDelegate implements JavaDelegate {

    private final Disputes disputes;

    RecordDisputeResolutionDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.resolve((Long) execution.getVariable(CASE_ID), (Long) execution.getVariable(ACCOUNT_ID),
                (String) execution.getVariable(DISPUTE_RESOLUTION), (String) execution.getVariable(RESOLUTION_NOTE));
    }
}
