package io.dunwell.bulk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.bulk.BulkActions;

/**
 * Task_RunApprovedBulkAction (a job of its own, retried): books the approved run's accounts still
 * pending; each account commits on its own, so a retry, or the console that already ran it, books nothing twice.
 */
@Component
public class RunApprovedBulkActionDelegate implements JavaDelegate {

    private final BulkActions bulkActions;

    RunApprovedBulkActionDelegate(BulkActions bulkActions) {
        this.bulkActions = bulkActions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        bulkActions.runApproved((Long) execution.getVariable(MoneyMoveApprovalVariables.BULK_ACTION_ID));
    }
}
