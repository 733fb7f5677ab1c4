package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.WRITE_OFF_APPROVER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.approval.ApprovalVariables;
import io.dunwell.dunning.WriteOffs;

/**
 * Task_WriteOffBalance: runs as the approver who completed Task_ApproveWriteOff, or, when no
 * approver group was needed, right after the requester's own decision; the credit note names both.
 */
@Component
public class WriteOffBalanceDelegate implements JavaDelegate {

    private final WriteOffs writeOffs;

    WriteOffBalanceDelegate(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        writeOffs.writeOff((Long) execution.getVariable(CASE_ID), (Long) execution.getVariable(ACCOUNT_ID),
                (String) execution.getVariable(ApprovalVariables.REQUESTED_BY), execution.getVariable(WRITE_OFF_APPROVER) != null);
    }
}
