package io.dunwell.bulk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.dunwell.account.Account;
import io.dunwell.approval.MoneyMove;
import io.dunwell.system.Fingerprint;

/**
 * One kind of bulk action. {@link BulkActions} runs the loop, the transactions and the
 * idempotency; an action only says what it needs and what it does to one account.
 */
interface BulkAction {

    /** The action's name in requests, e.g. {@code fees}. */
    String name();

    /** Money moves or the account stops: only supervisors (and admins) may. */
    boolean supervisorsOnly();

    /** Reads the parameters; a bad one throws before any account is touched. */
    void check(Parameters parameters);

    /** What would happen to the account; writes nothing. May throw to refuse the whole request. */
    Outcome plan(Target target);

    /** Does it in the caller's transaction: a failure rolls the account's change back whole. */
    Outcome apply(Target target);

    /** The money this action moves, whose limits decide whether it needs an approver; null for none. */
    default MoneyMove moneyMove() {
        return null;
    }

    /**
     * Whether it books money or changes an account's collection status, freeze or placement: such
     * an action never runs on "every account" because a filter was left empty.
     */
    default boolean destructive() {
        return supervisorsOnly();
    }

    /** Whether every account is planned before the first is touched, so that one refusal stops all. */
    default boolean plansEveryAccountFirst() {
        return false;
    }

    /** The file a run of this action makes from the accounts it did, else null. */
    default BulkFile file(List<Account> done, LocalDate asOf, Long runId, Parameters parameters) {
        return null;
    }

    /**
     * The account and the request an action works on.
     *
     * @param requestKey the client's idempotency key (a preview has none): ids of what an action
     *                   creates are made of it and the account, so a retry finds them
     * @param approved   the amount an approver approved for this account, null when none was needed:
     *                   an action moves no more than that
     */
    record Target(Account account, LocalDate asOf, Parameters parameters, String requestKey, String user, BigDecimal approved) {

        /** Whether the amount is more than the approver approved. */
        boolean beyondApproval(BigDecimal amount) {
            return approved != null && amount.compareTo(approved) > 0;
        }

        /** An id unique to this request and account, the same on every retry. */
        String idFor(String prefix) {
            return prefix + "-" + Fingerprint.of(requestKey, account.getId()).substring(0, 24);
        }
    }

    record Outcome(String status, String detail, BigDecimal amount, String currency, String reference) {

        static Outcome planned(String detail) {
            return new Outcome(BulkResult.PLANNED, detail, null, null, null);
        }

        static Outcome done(String detail) {
            return new Outcome(BulkResult.DONE, detail, null, null, null);
        }

        static Outcome skipped(String detail) {
            return new Outcome(BulkResult.SKIPPED, detail, null, null, null);
        }

        Outcome withAmount(BigDecimal amount, String currency) {
            return new Outcome(status, detail, amount, currency, reference);
        }

        Outcome withReference(String reference) {
            return new Outcome(status, detail, amount, currency, reference);
        }
    }

    record BulkFile(String name, String contentType, byte[] content) {
    }
}
