package io.dunwell.system.monitoring;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code jobs}: WARNING while more jobs are due than {@code dunwell.monitoring.job-backlog} (the job
 * executors fall behind, or none runs), with the open incidents beside; never takes the node out of
 * service, since a backlog is the cluster's, not this node's. UNKNOWN before the first refresh.
 */
@Component
@EnableConfigurationProperties(MonitoringProperties.class)
class JobsHealthIndicator extends AbstractHealthIndicator {

    private final EngineMonitor engine;
    private final MonitoringProperties properties;

    JobsHealthIndicator(EngineMonitor engine, MonitoringProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        EngineMonitor.Figures figures = engine.figures();
        if (figures == null) {
            builder.unknown();
            return;
        }
        builder.status(HealthWarning.when(figures.jobsDue() > properties.jobBacklog()))
                .withDetail("due", figures.jobsDue())
                .withDetail("warnAbove", properties.jobBacklog())
                .withDetail("incidents", figures.incidents())
                .withDetail("asOf", figures.asOf().toString());
    }
}
