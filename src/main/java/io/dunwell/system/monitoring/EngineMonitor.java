package io.dunwell.system.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's figures as Micrometer meters, and the one place that asks the engine for them (public
 * engine API only, so a move to Operaton stays a dependency swap). The job executor's own counters
 * ({@code job-acquisition-attempt}, {@code job-acquired-success}, ..., {@code job-successful},
 * {@code job-failed}) come from {@link ManagementService#createMetricsQuery()}: the engine writes them
 * to its meter log every 15 minutes, summed over every node, so each node reports the cluster's totals
 * with that delay. Jobs due but not acquired and open incidents are counted in the database. Both are
 * refreshed on {@code dunwell.monitoring.refresh-cron}; a scrape reads the last refresh.
 */
@Component
public class EngineMonitor {

    static final String JOBS = "dunwell.engine.jobs";
    static final String JOBS_DUE = "dunwell.engine.jobs.due";
    static final String INCIDENTS = "dunwell.engine.incidents";

    /** The engine's job executor counters, each exposed under its own Camunda name as the {@code event} tag. */
    static final List<String> JOB_EVENTS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
            Metrics.JOB_LOCKED_EXCLUSIVE);
    static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE);

    /** The engine's figures at {@code asOf}; null before the first refresh. */
    public record Figures(Instant asOf, Map<String, Long> jobEvents, long jobsDue, Map<String, Long> incidents) {
    }

    /** A query by a job id no job has: it goes through the engine's session to its tables and finds nothing. */
    private static final String PROBE_JOB_ID = "dunwell-readiness-probe";

    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;
    private volatile Figures figures;

    EngineMonitor(ManagementService management, RuntimeService runtime, Clock clock, MeterRegistry registry) {
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
        for (String event : JOB_EVENTS) {
            FunctionCounter.builder(JOBS, this, monitor -> monitor.figure(f -> f.jobEvents().get(event)))
                    .tag("event", event).description("the engine's job executor counters, every node's together")
                    .register(registry);
        }
        Gauge.builder(JOBS_DUE, this, monitor -> monitor.figure(Figures::jobsDue))
                .description("jobs due now that no job executor has acquired (the same on every node)").register(registry);
        for (String type : INCIDENT_TYPES) {
            Gauge.builder(INCIDENTS, this, monitor -> monitor.figure(f -> f.incidents().get(type)))
                    .tag("type", type).description("open incidents (the same on every node)").register(registry);
        }
    }

    @Scheduled(cron = "${dunwell.monitoring.refresh-cron:*/30 * * * * *}")
    public void refresh() {
        Map<String, Long> jobEvents = JOB_EVENTS.stream()
                .collect(Collectors.toMap(Function.identity(), event -> management.createMetricsQuery().name(event).sum()));
        long executable = management.createJobQuery().executable().active().count();
        long acquired = management.createJobQuery().executable().active().acquired().count();
        Map<String, Long> incidents = INCIDENT_TYPES.stream()
                .collect(Collectors.toMap(Function.identity(), type -> runtime.createIncidentQuery().incidentType(type).count()));
        figures = new Figures(clock.instant(), jobEvents, Math.max(0, executable - acquired), incidents);
    }

    /** The figures of the last refresh, or null before the first one. */
    public Figures figures() {
        return figures;
    }

    /** Throws when the engine cannot reach its tables; for the readiness probe, so asked now, never cached. */
    public void probe() {
        management.createJobQuery().jobId(PROBE_JOB_ID).count();
    }

    private double figure(Function<Figures, Long> value) {
        Figures current = figures;
        return current == null ? Double.NaN : value.apply(current);
    }
}
