package io.dunwell.worklist;

import static io.dunwell.worklist.process.CollectionSessionVariables.ABANDONED_BY;
import static io.dunwell.worklist.process.CollectionSessionVariables.ACCOUNT_ID;
import static io.dunwell.worklist.process.CollectionSessionVariables.MSG_SESSION_ABANDONED;
import static io.dunwell.worklist.process.CollectionSessionVariables.NOTE;
import static io.dunwell.worklist.process.CollectionSessionVariables.OUTCOME;
import static io.dunwell.worklist.process.CollectionSessionVariables.OUTCOME_REASON;
import static io.dunwell.worklist.process.CollectionSessionVariables.TASK_COMPLETE_SESSION;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import io.dunwell.system.security.EngineUser;
import io.dunwell.system.ConflictException;

/**
 * The console's side of a collection session: which account is at hand, and completing it (or the
 * session, or abandoning the session) through the engine, as the signed-in user. Only the session's agent and supervisors
 * may act. A stale click (the account was already worked, say in Tasklist) is refused with 409
 * instead of completing the next account.
 */
@Service
public class CollectionSessions {

    private final Baskets baskets;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final EngineUser engineUser;

    CollectionSessions(Baskets baskets, TaskService tasks, RuntimeService runtime, EngineUser engineUser) {
        this.baskets = baskets;
        this.tasks = tasks;
        this.runtime = runtime;
        this.engineUser = engineUser;
    }

    public SessionTurn current(String processInstanceId) {
        Basket basket = baskets.ofSession(processInstanceId);
        int total = basket.getEntries().size();
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).active().list().stream().findFirst().orElse(null);
        if (task == null || TASK_COMPLETE_SESSION.equals(task.getTaskDefinitionKey())) {
            return new SessionTurn(basket, task == null ? null : task.getId(), null, total, total);
        }
        Long accountId = (Long) tasks.getVariable(task.getId(), ACCOUNT_ID);
        return new SessionTurn(basket, task.getId(), accountId, (int) basket.workedCount() + 1, total);
    }

    /** The turn, when the user may act in the session and {@code accountId} is the account at hand. */
    public SessionTurn requireAtHand(String processInstanceId, Long accountId, String user, boolean supervisor) {
        SessionTurn turn = current(processInstanceId);
        Baskets.checkMayWork(turn.basket(), user, supervisor);
        if (!turn.isWorkingAccounts() || !Objects.equals(turn.accountId(), accountId)) {
            throw new ConflictException("That account is no longer at hand in this session: it was worked already");
        }
        return turn;
    }

    /** Completes the account at hand as completed or skipped; bad input leaves it at hand (400). */
    public void work(String processInstanceId, Long accountId, String outcome, String reason, String note, String user,
                     boolean supervisor) {
        SessionTurn turn = requireAtHand(processInstanceId, accountId, user, supervisor);
        SessionResults.check(outcome, reason, note);
        Map<String, Object> answer = new HashMap<>();
        answer.put(OUTCOME, outcome.trim().toLowerCase());
        answer.put(OUTCOME_REASON, reason);
        answer.put(NOTE, note);
        engineUser.complete(user, turn.taskId(), answer);
    }

    /** Ends the session once every account was worked; the basket is then done. */
    public void complete(String processInstanceId, String user, boolean supervisor) {
        SessionTurn turn = current(processInstanceId);
        Baskets.checkMayWork(turn.basket(), user, supervisor);
        if (!turn.isReadyToComplete()) {
            throw new ConflictException(turn.isOver() ? "The session is already complete"
                    : "Work every account first: " + (turn.position() - 1) + " of " + turn.total() + " done");
        }
        engineUser.complete(user, turn.taskId(), Map.of());
    }

    /**
     * Ends the session where it stands ({@code Msg_SessionAbandoned}): the accounts worked keep their
     * outcomes, the rest are left untouched, and the basket is pending again. The session's agent
     * or a supervisor may; a session already over is a 409.
     */
    public Basket abandon(String processInstanceId, String user, boolean supervisor) {
        Basket basket = baskets.ofSession(processInstanceId);
        Baskets.checkMayWork(basket, user, supervisor);
        if (basket.getStatus() != BasketStatus.IN_SESSION) {
            throw new ConflictException("The session is over: basket " + basket.getId() + " is " + basket.getStatus());
        }
        if (runtime.createMessageCorrelation(MSG_SESSION_ABANDONED).processInstanceId(processInstanceId)
                .setVariable(ABANDONED_BY, user).correlateAllWithResult().isEmpty()) {
            throw new ConflictException("The session is over: it ended while you asked");
        }
        return baskets.require(basket.getId());
    }
}
