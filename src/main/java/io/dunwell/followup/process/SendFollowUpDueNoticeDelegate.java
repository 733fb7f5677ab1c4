package io.dunwell.followup.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.followup.FollowUpSteps;

/** Task_SendDueNotice: mails owner and assignee on the due date; asyncBefore with retries, each sent once. */
@Component
public class SendFollowUpDueNoticeDelegate implements JavaDelegate {

    private final FollowUpSteps steps;

    SendFollowUpDueNoticeDelegate(FollowUpSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.due((Long) execution.getVariable(FollowUpTaskVariables.FOLLOW_UP_TASK_ID));
    }
}
