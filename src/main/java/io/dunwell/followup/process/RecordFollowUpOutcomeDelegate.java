package io.dunwell.followup.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.followup.FollowUpSteps;

/** Task_RecordOutcome: writes completed or closed, with the note, to the task and the timeline. */
@Component
public class RecordFollowUpOutcomeDelegate implements JavaDelegate {

    private final FollowUpSteps steps;

    RecordFollowUpOutcomeDelegate(FollowUpSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.recordOutcome((Long) execution.getVariable(FollowUpTaskVariables.FOLLOW_UP_TASK_ID),
                (String) execution.getVariable(FollowUpTaskVariables.OUTCOME),
                (String) execution.getVariable(FollowUpTaskVariables.NOTE));
    }
}
