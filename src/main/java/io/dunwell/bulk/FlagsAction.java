package io.dunwell.bulk;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.dunwell.account.Accounts;

/** {@code flags}: adds the flags in {@code add} and removes those in {@code remove}. */
@Component
class FlagsAction implements BulkAction {

    private static final String FLAG = "[A-Za-z0-9][A-Za-z0-9 _.-]{0,49}";

    private final Accounts accounts;

    FlagsAction(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "flags";
    }

    @Override
    public boolean supervisorsOnly() {
        return false;
    }

    @Override
    public void check(Parameters parameters) {
        List<String> add = parameters.list("add");
        List<String> remove = parameters.list("remove");
        if (add.isEmpty() && remove.isEmpty()) {
            throw Parameters.refused("add", "name a flag to add or to remove");
        }
        List<String> all = new ArrayList<>(add);
        all.addAll(remove);
        all.stream().filter(flag -> !flag.matches(FLAG)).findFirst().ifPresent(bad -> {
            throw Parameters.refused(add.contains(bad) ? "add" : "remove", "'" + bad
                    + "' is not a flag: 1 to 50 letters, digits, spaces, _ . -");
        });
        add.stream().filter(remove::contains).findFirst().ifPresent(both -> {
            throw Parameters.refused("remove", "'" + both + "' cannot be added and removed at once");
        });
    }

    @Override
    public Outcome plan(Target target) {
        return Outcome.planned(describe(target.parameters()));
    }

    @Override
    public Outcome apply(Target target) {
        boolean changed = accounts.changeFlags(target.account().getId(), target.parameters().list("add"),
                target.parameters().list("remove"));
        return changed ? Outcome.done(describe(target.parameters())) : Outcome.skipped("flags were already so");
    }

    private static String describe(Parameters parameters) {
        List<String> add = parameters.list("add");
        List<String> remove = parameters.list("remove");
        return (add.isEmpty() ? "" : "add " + String.join(", ", add)) + (add.isEmpty() || remove.isEmpty() ? "" : "; ")
                + (remove.isEmpty() ? "" : "remove " + String.join(", ", remove));
    }
}
