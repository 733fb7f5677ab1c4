package io.dunwell.bulk;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;

/**
 * {@code freeze}: stops all dunning of each account with a {@code reason} and an optional
 * {@code note}, and records what it found, so that {@code freezeRollback} restores it.
 */
@Component
class FreezeAction implements BulkAction {

    private final Accounts accounts;
    private final AccountFreezeRepository freezes;
    private final Clock clock;

    FreezeAction(Accounts accounts, AccountFreezeRepository freezes, Clock clock) {
        this.accounts = accounts;
        this.freezes = freezes;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "freeze";
    }

    @Override
    public boolean supervisorsOnly() {
        return true;
    }

    @Override
    public void check(Parameters parameters) {
        parameters.text("reason", 200);
        parameters.optionalText("note", 2000);
    }

    @Override
    public Outcome plan(Target target) {
        return target.account().isFrozen() ? Outcome.skipped("already frozen: " + target.account().getFrozenReason())
                : Outcome.planned("freeze: " + target.parameters().text("reason", 200));
    }

    @Override
    public Outcome apply(Target target) {
        Account account = target.account();
        if (account.isFrozen()) {
            return plan(target);
        }
        String reason = target.parameters().text("reason", 200);
        String note = target.parameters().optionalText("note", 2000);
        AccountFreeze freeze = freezes.save(new AccountFreeze(account.getId(), reason, note, account.isFrozen(),
                account.getFrozenReason(), target.user(), clock.instant()));
        accounts.freeze(account.getId(), reason + (note == null ? "" : " — " + note));
        return Outcome.done("frozen: " + reason).withReference("account-freeze:" + freeze.getId());
    }
}
