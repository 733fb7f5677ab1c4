package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.CALL_ATTEMPTS;
import static io.dunwell.dunning.process.DunningCaseVariables.CALL_NOTE;
import static io.dunwell.dunning.process.DunningCaseVariables.CALL_OUTCOME;
import static io.dunwell.dunning.process.DunningCaseVariables.CALL_RETRY_DAYS;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.DISPUTE_REASON;
import static io.dunwell.dunning.process.DunningCaseVariables.ESCALATION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.CallOutcomes;
import io.dunwell.dunning.CallOutcomes.Call;
import io.dunwell.dunning.CallOutcomes.Logged;

/**
 * Task_RecordCallOutcome: runs in the transaction that completes the call task, so a refused
 * outcome fails the completion and leaves the task open. Writes back what Gateway_CallOutcome's
 * branches read; {@code callRetryDays} as an Integer, so the retry timer reads "P3D" and never "P3.0D".
 * An earlier escalation's reason is removed unless this call escalates, so that an escalation
 * reached later by counting (attempts, broken promises) states its own reason.
 */
@Component
public class RecordCallOutcomeDelegate implements JavaDelegate {

    private final CallOutcomes outcomes;

    RecordCallOutcomeDelegate(CallOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Logged logged = outcomes.record((Long) execution.getVariable(CASE_ID), (Long) execution.getVariable(ACCOUNT_ID),
                new Call((String) execution.getVariable(CALL_OUTCOME), (String) execution.getVariable(CALL_NOTE),
                        (String) execution.getVariable(DISPUTE_REASON), execution.getVariable(CALL_RETRY_DAYS),
                        PrepareCallDelegate.count(execution, CALL_ATTEMPTS)));
        execution.setVariable(CALL_ATTEMPTS, logged.callAttempts());
        if (logged.retryDays() != null) {
            execution.setVariable(CALL_RETRY_DAYS, logged.retryDays());
        }
        if (logged.escalationReason() != null) {
            execution.setVariable(ESCALATION_REASON, logged.escalationReason());
        } else {
            execution.removeVariable(ESCALATION_REASON);
        }
    }
}
