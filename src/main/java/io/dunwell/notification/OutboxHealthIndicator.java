package io.dunwell.notification;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.dunwell.system.monitoring.HealthWarning;
import io.dunwell.system.monitoring.MonitoringProperties;

/**
 * {@code outbox}: WARNING while the oldest due message has waited longer than
 * {@code dunwell.monitoring.outbox-max-age} (mail or a channel provider is failing, or nobody sends);
 * never DOWN, since the outbox keeps every message until it goes out. UNKNOWN before the first refresh.
 */
@Component
@EnableConfigurationProperties(MonitoringProperties.class)
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final NotificationMetrics metrics;
    private final MonitoringProperties properties;

    OutboxHealthIndicator(NotificationMetrics metrics, MonitoringProperties properties) {
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        NotificationMetrics.Backlog backlog = metrics.backlog();
        if (backlog == null) {
            builder.unknown();
            return;
        }
        builder.status(HealthWarning.when(backlog.oldestAge().compareTo(properties.outboxMaxAge()) > 0))
                .withDetail("waiting", backlog.waiting())
                .withDetail("oldestWaitingSeconds", backlog.oldestAge().toSeconds())
                .withDetail("warnAfter", properties.outboxMaxAge().toString())
                .withDetail("asOf", backlog.asOf().toString());
    }
}
