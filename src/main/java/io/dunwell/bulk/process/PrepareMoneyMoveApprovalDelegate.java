package io.dunwell.bulk.process;

import static io.dunwell.bulk.process.MoneyMoveApprovalVariables.BULK_ACTION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.approval.ApprovalVariables;
import io.dunwell.bulk.BulkActions;
import io.dunwell.bulk.BulkActions.ApprovalRequest;

/**
 * Task_PrepareApproval: copies who asked and who approves from the stored run, so that no form or
 * client sets {@code requestedBy}, and the few strings the approval form shows.
 */
@Component
public class PrepareMoneyMoveApprovalDelegate implements JavaDelegate {

    private final BulkActions bulkActions;

    PrepareMoneyMoveApprovalDelegate(BulkActions bulkActions) {
        this.bulkActions = bulkActions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long runId = (Long) execution.getVariable(BULK_ACTION_ID);
        ApprovalRequest request = bulkActions.approvalRequest(runId);
        execution.setVariable(ApprovalVariables.REQUESTED_BY, request.requestedBy());
        execution.setVariable(ApprovalVariables.APPROVER_GROUP, request.approverGroup());
        execution.setVariable(MoneyMoveApprovalVariables.MONEY_MOVE, request.action());
        execution.setVariable(MoneyMoveApprovalVariables.MONEY_MOVE_SUMMARY, request.summary());
        execution.setVariable(MoneyMoveApprovalVariables.CONSOLE_LINK, "/accounts/bulk/" + runId);
    }
}
