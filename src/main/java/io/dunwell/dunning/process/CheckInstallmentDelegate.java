package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.BROKEN_PROMISES;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_NUMBER;
import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_OUTCOME;
import static io.dunwell.dunning.process.DunningCaseVariables.PROMISE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.promise.InstallmentOutcome;
import io.dunwell.promise.Promises;

/**
 * Task_CheckInstallment: kept moves on to the next installment ({@code installmentNumber} past
 * {@code installmentCount} means the promise is kept); broken counts the case's broken promises.
 */
@Component
public class CheckInstallmentDelegate implements JavaDelegate {

    private final Promises promises;

    CheckInstallmentDelegate(Promises promises) {
        this.promises = promises;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int number = (Integer) execution.getVariable(INSTALLMENT_NUMBER);
        InstallmentOutcome outcome = promises.check((Long) execution.getVariable(PROMISE_ID), number);
        execution.setVariable(INSTALLMENT_OUTCOME, outcome.name());
        if (outcome == InstallmentOutcome.KEPT) {
            execution.setVariable(INSTALLMENT_NUMBER, number + 1);
        } else {
            execution.setVariable(BROKEN_PROMISES, promises.brokenCount((Long) execution.getVariable(CASE_ID)));
        }
    }
}
