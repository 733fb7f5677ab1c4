package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.ESCALATION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.Escalations;

/** Task_FreezeAccount: the reviewer's note becomes the freeze reason; the case ends. */
@Component
public class FreezeAccountDelegate implements JavaDelegate {

    private final Escalations escalations;

    FreezeAccountDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.freeze((Long) execution.getVariable(CASE_ID), (Long) execution.getVariable(ACCOUNT_ID),
                (String) execution.getVariable(ESCALATION_NOTE));
    }
}
