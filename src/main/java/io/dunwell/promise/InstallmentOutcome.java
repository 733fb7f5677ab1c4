package io.dunwell.promise;

/** What checking an installment found: the process continues after KEPT and goes back to the agent after BROKEN. */
public enum InstallmentOutcome {
    KEPT, BROKEN;

    PromiseStatus status() {
        return PromiseStatus.valueOf(name());
    }
}
