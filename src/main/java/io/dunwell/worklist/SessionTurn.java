package io.dunwell.worklist;

/**
 * Where a collection session stands: the account at hand (its {@code position} of {@code total}),
 * or, after the last one, the session waiting to be completed, or the session over.
 *
 * @param taskId    the open engine task, null when the session is over
 * @param accountId the account at hand, null once every account was worked
 */
public record SessionTurn(Basket basket, String taskId, Long accountId, int position, int total) {

    public boolean isWorkingAccounts() {
        return accountId != null;
    }

    public boolean isReadyToComplete() {
        return taskId != null && accountId == null;
    }

    public boolean isOver() {
        return taskId == null;
    }
}
