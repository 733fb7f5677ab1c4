package io.dunwell.system.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the health components that only warn say WARNING: the outbox when its oldest due message has
 * waited longer than {@code outboxMaxAge}, the engine when more than {@code jobBacklog} jobs are due and
 * no job executor has taken them. The database figures behind them and the metrics are recomputed at
 * {@code dunwell.monitoring.refresh-cron}, never by a scrape or a health probe.
 */
@ConfigurationProperties("dunwell.monitoring")
public record MonitoringProperties(@DefaultValue("PT1H") Duration outboxMaxAge, @DefaultValue("10000") long jobBacklog) {
}
