package io.dunwell.system.monitoring;

import org.springframework.boot.actuate.health.Status;

/**
 * The status of a component that needs a look but takes nothing out of service (the SMTP server, the
 * outbox's and the engine's backlogs). {@code management.endpoint.health.status.order} ranks it after
 * UP, so it never turns the aggregate, readiness least of all, away from UP, and it maps to 200.
 */
public final class HealthWarning {

    public static final Status WARNING = new Status("WARNING");

    private HealthWarning() {
    }

    /** WARNING when {@code warn}, else UP. */
    public static Status when(boolean warn) {
        return warn ? WARNING : Status.UP;
    }
}
