package io.dunwell.dunning;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Accounts;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.invoice.CreditNoteRecorded;
import io.dunwell.payment.PaymentRecorded;

/**
 * Ends an account's dunning case as settled when a payment or credit clears it, by correlating
 * {@code Msg_PaymentReceived} to the case's process (business key = the account's id).
 * <p>
 * It runs after the booking committed and in a transaction of its own, so a busy case process
 * (an optimistic-locking conflict) can never undo an accepted payment; the conflict is retried
 * here. Should the correlation still be lost (a crash right after the commit), the case finds
 * the account settled the next time it re-reads it before a step.
 */
@Component
class SettleOnPayment {

    private static final Logger log = LoggerFactory.getLogger(SettleOnPayment.class);
    private static final int ATTEMPTS = 3;

    private final DunningCases cases;
    private final NoticePlanner planner;
    private final Accounts accounts;
    private final RuntimeService runtime;
    private final TransactionTemplate ownTransaction;

    SettleOnPayment(DunningCases cases, NoticePlanner planner, Accounts accounts, RuntimeService runtime,
                    PlatformTransactionManager transactions) {
        this.cases = cases;
        this.planner = planner;
        this.accounts = accounts;
        this.runtime = runtime;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PaymentRecorded payment) {
        settleIfCleared(payment.accountId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(CreditNoteRecorded credit) {
        settleIfCleared(credit.accountId());
    }

    void settleIfCleared(Long accountId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> correlateIfCleared(accountId));
                return;
            } catch (OptimisticLockingException busy) {
                log.debug("Case of account {} was busy, attempt {} of {}", accountId, attempt, ATTEMPTS);
            }
        }
        log.warn("Could not settle the case of account {} now; it settles when the case next re-reads the account", accountId);
    }

    private void correlateIfCleared(Long accountId) {
        if (cases.activeFor(accountId).isEmpty() || !planner.isSettled(accountId)) {
            return;
        }
        // correlateAllWithResult: finding no waiting case (it may be in a job right now) is not an error
        runtime.createMessageCorrelation(DunningCaseVariables.MSG_PAYMENT_RECEIVED)
                .processInstanceBusinessKey(accounts.externalIdOf(accountId))
                .correlateAllWithResult();
    }
}
