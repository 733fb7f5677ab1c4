package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.AGENCY_NAME;
import static io.dunwell.dunning.process.DunningCaseVariables.CALL_ATTEMPTS;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.ESCALATION_DECIDED_BY;
import static io.dunwell.dunning.process.DunningCaseVariables.ESCALATION_DECISION;
import static io.dunwell.dunning.process.DunningCaseVariables.ESCALATION_NOTE;
import static io.dunwell.dunning.process.DunningCaseVariables.WRITE_OFF_AMOUNT;
import static io.dunwell.dunning.process.DunningCaseVariables.WRITE_OFF_CURRENCY;
import static io.dunwell.dunning.process.DunningCaseVariables.WRITE_OFF_DECISION;
import static io.dunwell.dunning.process.DunningCaseVariables.WRITE_OFF_TOTAL;
import static io.dunwell.dunning.process.DunningCaseVariables.WRITE_OFF_VALUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.approval.ApprovalVariables;
import io.dunwell.approval.MoneyMoveLimits;
import io.dunwell.dunning.Escalations;
import io.dunwell.dunning.Escalations.Decided;
import io.dunwell.dunning.Escalations.WriteOffProposal;

/**
 * Task_RecordEscalationDecision: a refused decision fails the reviewer's completion and leaves the
 * task open. For a write-off it sets the balance the WriteOffApproval decision reads
 * ({@code writeOffValue}, a plain decimal for FEEL's number()) and the approver's form shows.
 * Continuing gives the agent a fresh set of call attempts; an earlier approver's answer is
 * forgotten, so only a refusal of the write-off decided now counts as one. The reviewer who decides
 * a write-off is its requester: WriteOffApproval reads their role for their own limit, and
 * Task_ApproveWriteOff refuses them as its approver.
 */
@Component
public class RecordEscalationDecisionDelegate implements JavaDelegate {

    private final Escalations escalations;
    private final MoneyMoveLimits limits;

    RecordEscalationDecisionDelegate(Escalations escalations, MoneyMoveLimits limits) {
        this.escalations = escalations;
        this.limits = limits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = (String) execution.getVariable(ESCALATION_DECISION);
        Decided decided = escalations.decide((Long) execution.getVariable(CASE_ID),
                (Long) execution.getVariable(ACCOUNT_ID), decision, (String) execution.getVariable(AGENCY_NAME),
                (String) execution.getVariable(ESCALATION_NOTE));
        execution.setVariable(ESCALATION_DECIDED_BY, decided.decidedBy());
        execution.removeVariable(WRITE_OFF_DECISION);
        if (Escalations.CONTINUE.equals(decision)) {
            execution.setVariable(CALL_ATTEMPTS, 0);
        }
        WriteOffProposal writeOff = decided.writeOff();
        if (writeOff != null) {
            execution.setVariable(WRITE_OFF_AMOUNT, writeOff.amount());
            execution.setVariable(WRITE_OFF_VALUE, writeOff.value());
            execution.setVariable(WRITE_OFF_CURRENCY, writeOff.currency());
            execution.setVariable(WRITE_OFF_TOTAL, writeOff.value());
            execution.setVariable(ApprovalVariables.REQUESTED_BY, decided.decidedBy());
            execution.setVariable(ApprovalVariables.REQUESTER_ROLE, limits.roleOf(decided.decidedBy()));
        }
    }
}
