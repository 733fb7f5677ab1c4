package io.dunwell.followup.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.followup.FollowUpSteps;

/** Task_SendReminder: mails the assignee on the reminder date; asyncBefore with retries, sent once. */
@Component
public class SendFollowUpReminderDelegate implements JavaDelegate {

    private final FollowUpSteps steps;

    SendFollowUpReminderDelegate(FollowUpSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.remind((Long) execution.getVariable(FollowUpTaskVariables.FOLLOW_UP_TASK_ID));
    }
}
