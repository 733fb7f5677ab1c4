package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_CHECK_AT;
import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_NUMBER;
import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_REMINDER_AT;
import static io.dunwell.dunning.process.DunningCaseVariables.PROMISE_ID;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.promise.Promises;

/** Task_PlanInstallment: when to remind the customer of the current installment and when to check it. */
@Component
public class PlanInstallmentDelegate implements JavaDelegate {

    private final Promises promises;

    PlanInstallmentDelegate(Promises promises) {
        this.promises = promises;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long promiseId = (Long) execution.getVariable(PROMISE_ID);
        int number = (Integer) execution.getVariable(INSTALLMENT_NUMBER);
        execution.setVariable(INSTALLMENT_REMINDER_AT, Date.from(promises.reminderAt(promiseId, number)));
        execution.setVariable(INSTALLMENT_CHECK_AT, Date.from(promises.checkAt(promiseId, number)));
    }
}
