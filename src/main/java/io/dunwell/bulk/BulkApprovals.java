package io.dunwell.bulk;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.dunwell.approval.MoneyMoveLimits;
import io.dunwell.bulk.process.MoneyMoveApprovalVariables;
import io.dunwell.system.ConflictException;

/**
 * The engine side of a bulk run's approval: MoneyMoveApprovalProcess waits at a Tasklist task for
 * the approver group; the console and the API complete that same task as the signed-in user, so
 * that the engine's listener, not only this code, refuses the requester.
 */
@Component
class BulkApprovals {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final MoneyMoveLimits limits;

    BulkApprovals(RuntimeService runtime, TaskService tasks, IdentityService identity, MoneyMoveLimits limits) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.limits = limits;
    }

    /** Starts the run's approval in the caller's transaction: a run awaiting approval always has its task. */
    void request(Long runId) {
        runtime.createProcessInstanceByKey(MoneyMoveApprovalVariables.PROCESS_KEY)
                .businessKey(MoneyMoveApprovalVariables.businessKeyOf(runId))
                .setVariable(MoneyMoveApprovalVariables.BULK_ACTION_ID, runId)
                .execute();
    }

    /** Completes the run's approval task as {@code user}; a task another approver completed first is a conflict. */
    void complete(Long runId, boolean approve, String note, String user) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(MoneyMoveApprovalVariables.businessKeyOf(runId))
                .taskDefinitionKey(MoneyMoveApprovalVariables.APPROVAL_TASK).singleResult();
        if (task == null) {
            throw new ConflictException("Bulk action " + runId + " is not awaiting approval any more");
        }
        identity.setAuthentication(user, limits.groupsOf(user));
        try {
            tasks.complete(task.getId(), Map.of(MoneyMoveApprovalVariables.APPROVAL_DECISION,
                    approve ? MoneyMoveApprovalVariables.APPROVE : "reject", MoneyMoveApprovalVariables.APPROVAL_NOTE,
                    note == null ? "" : note));
        } catch (OptimisticLockingException approvedAtTheSameTime) {
            throw new ConflictException("Bulk action " + runId + " was decided by someone else at the same moment");
        } finally {
            identity.clearAuthentication();
        }
    }
}
