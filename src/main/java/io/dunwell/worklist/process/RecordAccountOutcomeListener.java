package io.dunwell.worklist.process;

import static io.dunwell.worklist.process.CollectionSessionVariables.ACCOUNT_ID;
import static io.dunwell.worklist.process.CollectionSessionVariables.BASKET_ID;
import static io.dunwell.worklist.process.CollectionSessionVariables.NOTE;
import static io.dunwell.worklist.process.CollectionSessionVariables.OUTCOME;
import static io.dunwell.worklist.process.CollectionSessionVariables.OUTCOME_REASON;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.dunwell.worklist.SessionResults;

/**
 * Task_WorkAccount's complete listener: records the outcome in the transaction that completes the
 * task, so a refused outcome fails the completion and the account stays at hand. The worker is the
 * user the engine knows (Tasklist, or the console acting as the user), else the task's assignee.
 */
@Component
public class RecordAccountOutcomeListener implements TaskListener {

    private final SessionResults results;
    private final IdentityService identity;

    RecordAccountOutcomeListener(SessionResults results, IdentityService identity) {
        this.results = results;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        results.record((Long) task.getVariable(BASKET_ID), (Long) task.getVariable(ACCOUNT_ID), (String) task.getVariable(OUTCOME),
                (String) task.getVariable(OUTCOME_REASON), (String) task.getVariable(NOTE), worker(task));
    }

    private String worker(DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
    }
}
