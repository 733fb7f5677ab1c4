package io.dunwell.bulk.process;

import static io.dunwell.bulk.process.MoneyMoveApprovalVariables.APPROVAL_DECISION;
import static io.dunwell.bulk.process.MoneyMoveApprovalVariables.APPROVAL_NOTE;
import static io.dunwell.bulk.process.MoneyMoveApprovalVariables.APPROVE;
import static io.dunwell.bulk.process.MoneyMoveApprovalVariables.BULK_ACTION_ID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.dunwell.bulk.BulkActions;

/**
 * Task_RecordMoneyMoveDecision: runs in the approver's completion (Tasklist or the console), so the
 * signed-in user is the approver; the run is marked before the booking job, so a second approval finds it decided.
 */
@Component
public class RecordMoneyMoveDecisionDelegate implements JavaDelegate {

    private final BulkActions bulkActions;
    private final IdentityService identity;

    RecordMoneyMoveDecisionDelegate(BulkActions bulkActions, IdentityService identity) {
        this.bulkActions = bulkActions;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication approver = identity.getCurrentAuthentication();
        bulkActions.recordDecision((Long) execution.getVariable(BULK_ACTION_ID), APPROVE.equals(execution.getVariable(APPROVAL_DECISION)),
                approver == null || approver.getUserId() == null ? "unknown" : approver.getUserId(),
                (String) execution.getVariable(APPROVAL_NOTE));
    }
}
