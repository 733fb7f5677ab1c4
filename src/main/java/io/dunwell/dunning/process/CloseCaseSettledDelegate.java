package io.dunwell.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.DunningCaseStatus;
import io.dunwell.dunning.DunningCases;

/** Task_CloseCaseSettled and Task_CloseCasePaid: the account is back in good standing. */
@Component
public class CloseCaseSettledDelegate implements JavaDelegate {

    private final DunningCases cases;

    CloseCaseSettledDelegate(DunningCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.close((Long) execution.getVariable(DunningCaseVariables.CASE_ID), DunningCaseStatus.SETTLED, "paid");
    }
}
