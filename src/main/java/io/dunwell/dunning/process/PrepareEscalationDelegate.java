package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.BROKEN_PROMISES;
import static io.dunwell.dunning.process.DunningCaseVariables.CALL_ATTEMPTS;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.ESCALATION_ASSIGNEE;
import static io.dunwell.dunning.process.DunningCaseVariables.ESCALATION_REASON;
import static io.dunwell.dunning.process.DunningCaseVariables.MAX_CALL_ATTEMPTS;
import static io.dunwell.dunning.process.DunningCaseVariables.WRITE_OFF_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.Escalations;
import io.dunwell.dunning.Escalations.Cause;
import io.dunwell.dunning.Escalations.Escalated;

/**
 * Task_PrepareEscalation: Gateway_Escalate is reached from an agent's call, from used-up call
 * attempts, from a second broken promise and from a refused write-off; the variables say which.
 * A null {@code escalationAssignee} leaves the review to the supervisors group.
 */
@Component
public class PrepareEscalationDelegate implements JavaDelegate {

    private final Escalations escalations;

    PrepareEscalationDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Number maxCallAttempts = (Number) execution.getVariable(MAX_CALL_ATTEMPTS);
        Escalated escalated = escalations.escalate((Long) execution.getVariable(CASE_ID), (Long) execution.getVariable(ACCOUNT_ID),
                new Cause((String) execution.getVariable(ESCALATION_REASON), PrepareCallDelegate.count(execution, CALL_ATTEMPTS),
                        maxCallAttempts == null ? Integer.MAX_VALUE : maxCallAttempts.intValue(),
                        PrepareCallDelegate.count(execution, BROKEN_PROMISES), (String) execution.getVariable(WRITE_OFF_DECISION)));
        execution.setVariable(ESCALATION_REASON, escalated.reason());
        execution.setVariable(ESCALATION_ASSIGNEE, escalated.assignee());
    }
}
