package io.dunwell.approval;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On complete of every approval task (the case's Task_ApproveWriteOff, the bulk run's
 * Task_ApproveMoneyMove): the user completing it must not be the one in {@code requestedBy}.
 * Throwing rolls the completion back, so the task stays open whichever way it was completed —
 * Tasklist, engine REST or the console. (The engine wraps what a listener throws in a
 * ProcessEngineException, whose cause is this AuthorizationException; the console and the API
 * check the same before they complete the task and answer 403.)
 */
@Component
public class ApproverIsNotRequesterListener implements TaskListener {

    private final IdentityService identity;

    ApproverIsNotRequesterListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication completing = identity.getCurrentAuthentication();
        Object requestedBy = task.getVariable(ApprovalVariables.REQUESTED_BY);
        if (completing != null && completing.getUserId() != null && completing.getUserId().equals(requestedBy)) {
            throw new AuthorizationException(completing.getUserId() + " requested this and may not approve or reject it:"
                    + " another approver must");
        }
    }
}
