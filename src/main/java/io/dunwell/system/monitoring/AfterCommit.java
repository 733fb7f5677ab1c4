package io.dunwell.system.monitoring;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a meter's increment once the caller's transaction has committed, or at once outside one: a
 * job that rolls back and is retried, or a chunk replayed row by row, counts what happened once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable increment) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            increment.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                increment.run();
            }
        });
    }
}
