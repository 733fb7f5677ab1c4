package io.dunwell.followup.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.followup.FollowUpSteps;

/** Task_EscalateFollowUp: reassigns the open task to the assignee's escalation point or the supervisors group. */
@Component
public class EscalateFollowUpDelegate implements JavaDelegate {

    private final FollowUpSteps steps;

    EscalateFollowUpDelegate(FollowUpSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String escalatedTo = steps.escalate((Long) execution.getVariable(FollowUpTaskVariables.FOLLOW_UP_TASK_ID),
                execution.getProcessInstanceId());
        execution.setVariable(FollowUpTaskVariables.ESCALATED_TO, escalatedTo);
    }
}
