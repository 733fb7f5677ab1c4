package io.dunwell.worklist;

/** How an agent left an account in a collection session. */
public enum SessionOutcome {
    COMPLETED, SKIPPED;

    /** The form's value ("completed", "skipped"), or null for anything else. */
    static SessionOutcome of(String value) {
        for (SessionOutcome outcome : values()) {
            if (outcome.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return outcome;
            }
        }
        return null;
    }
}
