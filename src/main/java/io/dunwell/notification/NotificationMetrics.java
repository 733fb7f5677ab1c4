package io.dunwell.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.dunwell.system.monitoring.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The notification module's meters, all named here. Counters, per node, by template ({@code none} for
 * an SMS or voice text) and channel, each counted once its transaction committed: notices queued, sent,
 * and failed ({@code reason}: {@code refused} for an attempt the server or provider refused, which is
 * retried; {@code no_address} for a message that can never go out). Gauges, the same on every node,
 * from the database at {@code dunwell.monitoring.refresh-cron}: the due messages waiting per channel and
 * the age of the oldest, and whether the SMTP server answered the last check.
 */
@Component
class NotificationMetrics {

    static final String QUEUED = "dunwell.notices.queued";
    static final String SENT = "dunwell.notices.sent";
    static final String FAILED = "dunwell.notices.send.failures";
    static final String BACKLOG = "dunwell.outbox.backlog";
    static final String OLDEST_AGE = "dunwell.outbox.oldest.age";
    static final String SMTP_UP = "dunwell.smtp.up";

    static final List<String> CHANNELS = List.of(OutboxMessage.EMAIL, ChannelProvider.SMS, ChannelProvider.VOICE);

    /** The backlog at {@code asOf}, per channel; channels with nothing waiting are absent. */
    record Backlog(Instant asOf, Map<String, OutboxBacklog> byChannel) {

        /** How long the oldest due message of any channel has waited; zero when none waits. */
        Duration oldestAge() {
            return byChannel.values().stream().map(line -> Duration.between(line.since(), asOf))
                    .max(Duration::compareTo).orElse(Duration.ZERO);
        }

        long waiting() {
            return byChannel.values().stream().mapToLong(OutboxBacklog::waiting).sum();
        }
    }

    private final MeterRegistry registry;
    private final OutboxRepository messages;
    private final Clock clock;
    private volatile Backlog backlog;

    NotificationMetrics(MeterRegistry registry, OutboxRepository messages, SmtpHealthIndicator smtp, Clock clock) {
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
        for (String channel : CHANNELS) {
            Gauge.builder(BACKLOG, this, metrics -> metrics.ofChannel(channel, (line, asOf) -> line.waiting()))
                    .tag("channel", channel).description("due messages not yet sent (the same on every node)").register(registry);
            Gauge.builder(OLDEST_AGE, this, metrics -> metrics.ofChannel(channel,
                            (line, asOf) -> Duration.between(line.since(), asOf).toMillis() / 1000.0))
                    .tag("channel", channel).baseUnit("seconds")
                    .description("how long the oldest due message has waited (the same on every node)").register(registry);
        }
        Gauge.builder(SMTP_UP, smtp, server -> server.reachable().map(up -> up ? 1.0 : 0.0).orElse(Double.NaN))
                .description("1 when the SMTP server answered the last check, 0 when not").register(registry);
    }

    void queued(OutboxMessage message) {
        count(QUEUED, message);
        if (OutboxMessage.FAILED.equals(message.getStatus())) {
            count(FAILED, message, "reason", "no_address");
        }
    }

    void sent(OutboxMessage message) {
        count(SENT, message);
    }

    void refused(OutboxMessage message) {
        count(FAILED, message, "reason", "refused");
    }

    @Scheduled(cron = "${dunwell.monitoring.refresh-cron:*/30 * * * * *}")
    void refresh() {
        Instant now = clock.instant();
        backlog = new Backlog(now, messages.backlog(now).stream()
                .collect(Collectors.toMap(OutboxBacklog::channel, Function.identity())));
    }

    /** The backlog of the last refresh; null before the first one. */
    Backlog backlog() {
        return backlog;
    }

    private double ofChannel(String channel, ToDoubleBiFunction<OutboxBacklog, Instant> value) {
        Backlog current = backlog;
        if (current == null) {
            return Double.NaN;
        }
        OutboxBacklog line = current.byChannel().get(channel);
        return line == null ? 0 : value.applyAsDouble(line, current.asOf());
    }

    private void count(String name, OutboxMessage message, String... extraTags) {
        String template = message.getTemplate() == null ? "none" : message.getTemplate();
        Counter counter = Counter.builder(name).tag("template", template).tag("channel", message.getChannel())
                .tags(extraTags).register(registry);
        AfterCommit.run(counter::increment);
    }
}
