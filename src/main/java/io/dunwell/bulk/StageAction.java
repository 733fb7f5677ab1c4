package io.dunwell.bulk;

import org.springframework.stereotype.Component;

import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStage;

/** {@code stage}: sets the collection stage to {@code stage} (NOT_SET, PENDING or SENT). */
@Component
class StageAction implements BulkAction {

    private final Accounts accounts;

    StageAction(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "stage";
    }

    @Override
    public boolean supervisorsOnly() {
        return false;
    }

    @Override
    public void check(Parameters parameters) {
        parameters.oneOf("stage", CollectionStage.ALL);
    }

    @Override
    public Outcome plan(Target target) {
        String stage = target.parameters().oneOf("stage", CollectionStage.ALL);
        return target.account().getCollectionStage().equals(stage) ? Outcome.skipped("already " + stage)
                : Outcome.planned(target.account().getCollectionStage() + " → " + stage);
    }

    @Override
    public Outcome apply(Target target) {
        String before = target.account().getCollectionStage();
        String stage = target.parameters().oneOf("stage", CollectionStage.ALL);
        return accounts.changeStage(target.account().getId(), stage) ? Outcome.done("stage " + before + " → " + stage)
                : Outcome.skipped("already " + stage);
    }
}
