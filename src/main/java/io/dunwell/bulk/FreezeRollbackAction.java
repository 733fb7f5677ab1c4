package io.dunwell.bulk;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.dunwell.account.Accounts;

/** {@code freezeRollback}: undoes each account's latest bulk freeze, back to the state that freeze found. */
@Component
class FreezeRollbackAction implements BulkAction {

    private final Accounts accounts;
    private final AccountFreezeRepository freezes;
    private final Clock clock;

    FreezeRollbackAction(Accounts accounts, AccountFreezeRepository freezes, Clock clock) {
        this.accounts = accounts;
        this.freezes = freezes;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "freezeRollback";
    }

    @Override
    public boolean supervisorsOnly() {
        return true;
    }

    @Override
    public void check(Parameters parameters) {
        // which freeze is rolled back is each account's latest
    }

    @Override
    public Outcome plan(Target target) {
        return latest(target).map(freeze -> Outcome.planned("roll back the freeze \"" + freeze.getReason() + "\""))
                .orElse(Outcome.skipped("no bulk freeze to roll back"));
    }

    @Override
    public Outcome apply(Target target) {
        Optional<AccountFreeze> latest = latest(target);
        if (latest.isEmpty() || !target.account().isFrozen()) {
            return Outcome.skipped(latest.isEmpty() ? "no bulk freeze to roll back" : "not frozen any more");
        }
        AccountFreeze freeze = latest.get();
        accounts.restoreFreeze(target.account().getId(), freeze.wasFrozen(), freeze.getPreviousReason(),
                "rolled back by " + target.user());
        freeze.rolledBack(target.user(), clock.instant());
        return Outcome.done("freeze \"" + freeze.getReason() + "\" rolled back").withReference("account-freeze:" + freeze.getId());
    }

    private Optional<AccountFreeze> latest(Target target) {
        return freezes.findFirstByAccountIdAndRolledBackAtIsNullOrderByFrozenAtDescIdDesc(target.account().getId());
    }
}
