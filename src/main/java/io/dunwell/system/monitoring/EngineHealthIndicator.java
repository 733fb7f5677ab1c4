package io.dunwell.system.monitoring;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code engine}, part of readiness: UP while the process engine answers a query against its own tables. */
@Component
class EngineHealthIndicator extends AbstractHealthIndicator {

    private final EngineMonitor engine;

    EngineHealthIndicator(EngineMonitor engine) {
        super("The process engine does not answer");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        engine.probe();
        builder.up();
    }
}
