package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_NUMBER;
import static io.dunwell.dunning.process.DunningCaseVariables.MESSAGE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.NOTICE_TEMPLATE;
import static io.dunwell.dunning.process.DunningCaseVariables.PROMISE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.PromiseNotices;

/**
 * Task_QueuePromiseConfirmation, Task_QueueInstallmentReminder and Task_QueueBrokenPromiseNotice:
 * the model names the template in the task's input parameter {@code noticeTemplate}.
 */
@Component
public class QueuePromiseNoticeDelegate implements JavaDelegate {

    private final PromiseNotices notices;

    QueuePromiseNoticeDelegate(PromiseNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer installment = (Integer) execution.getVariable(INSTALLMENT_NUMBER);
        execution.setVariable(MESSAGE_ID, notices.queue((Long) execution.getVariable(CASE_ID),
                (String) execution.getVariableLocal(NOTICE_TEMPLATE), (Long) execution.getVariable(PROMISE_ID),
                installment == null ? 1 : installment));
    }
}
