package io.dunwell.dunning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.dunwell.account.CollectionStatus;
import io.dunwell.system.monitoring.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The dunning module's meters, all named here: completed runs and how long each took from planning to
 * its last partition (per node: the node whose job ended the run), the cases the runs and the console
 * opened (per node), and the open cases by their account's collection status — in collections, promise
 * to pay, disputed, escalated, with an agency — counted in the database at
 * {@code dunwell.monitoring.refresh-cron}, the same on every node.
 */
@Component
public class DunningMetrics {

    static final String RUN_DURATION = "dunwell.dunning.run.duration";
    static final String CASES_OPENED = "dunwell.dunning.cases.opened";
    static final String CASES_OPEN = "dunwell.cases.open";

    private final Timer runs;
    private final Counter opened;
    private final MultiGauge open;
    private final DunningCaseRepository cases;
    private final Clock clock;

    DunningMetrics(MeterRegistry registry, DunningCaseRepository cases, Clock clock) {
        this.runs = Timer.builder(RUN_DURATION).description("completed dunning runs, from planning to the last partition")
                .register(registry);
        this.opened = Counter.builder(CASES_OPENED).description("dunning cases opened, by runs and by hand").register(registry);
        this.open = MultiGauge.builder(CASES_OPEN).description("open dunning cases by the account's collection status")
                .register(registry);
        this.cases = cases;
        this.clock = clock;
    }

    /** The run planned at {@code runAt} has opened the cases of its last partition. */
    public void runCompleted(Instant runAt) {
        Duration took = Duration.between(runAt, clock.instant());
        AfterCommit.run(() -> runs.record(took));
    }

    void casesOpened(int count) {
        AfterCommit.run(() -> opened.increment(count));
    }

    @Scheduled(cron = "${dunwell.monitoring.refresh-cron:*/30 * * * * *}")
    public void refresh() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        CollectionStatus.BUILT_IN.stream().filter(status -> !CollectionStatus.GOOD_STANDING.equals(status))
                .forEach(status -> byStatus.put(status, 0L));
        for (Object[] row : cases.activeByCollectionStatus()) {
            byStatus.put((String) row[0], ((Number) row[1]).longValue());
        }
        open.register(byStatus.entrySet().stream()
                .map(entry -> MultiGauge.Row.of(Tags.of("status", entry.getKey()), entry.getValue()))
                .toList(), true);
    }
}
