package io.dunwell.benchmark;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManagerFactory;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hibernate.SessionFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.EmbeddedPostgresInitializer;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.DunningRun;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.dunning.process.DunningRunVariables;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.RowResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real dunning run against the bare engine, in one JVM on one embedded PostgreSQL with the
 * application's history level: sets up {@code bench.cases} delinquent accounts (one overdue
 * invoice each), starts a run with {@link DunningRun#start()} and executes the run's partition
 * jobs (and their joins) on {@code bench.threads} threads with {@link ManagementService#executeJob},
 * never the cases' own jobs; then starts as many instances of a minimal one-user-task process
 * from as many threads, {@value #BARE_BATCH} per transaction (a partition's page), and prints both
 * rates and their ratio. Not a test: {@code mvn -Pbenchmark verify} runs it after
 * {@link IngestionBenchmark} (see BENCHMARKS.md).
 */
public final class DunningRunBenchmark {

    /** The same as {@code DunningRun.PAGE_SIZE}: process instances started per transaction. */
    static final int BARE_BATCH = 500;
    static final String BARE_PROCESS = "BareBenchmarkProcess";

    private record Phase(int count, double seconds, double jvmCpuSeconds, double postgresCpuSeconds) {

        double perSecond() {
            return count / seconds;
        }

        String cpu() {
            return String.format("CPU: JVM %.1f s + PostgreSQL %.1f s = %.0f µs per instance", jvmCpuSeconds,
                    postgresCpuSeconds, (jvmCpuSeconds + postgresCpuSeconds) * 1e6 / count);
        }
    }

    private final BenchmarkSettings settings;
    private final int cases;
    private final Accounts accountService;
    private final Invoices invoiceService;
    private final DunningRun dunningRun;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StatementCounts statements;
    private final CpuMeter cpu;
    private final BenchmarkData data = new BenchmarkData(LocalDate.now(ZoneOffset.UTC), 42);

    private DunningRunBenchmark(BenchmarkSettings settings, ConfigurableApplicationContext context) {
        this.settings = settings;
        this.cases = settings.cases();
        this.accountService = context.getBean(Accounts.class);
        this.invoiceService = context.getBean(Invoices.class);
        this.dunningRun = context.getBean(DunningRun.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.management = context.getBean(ManagementService.class);
        this.repository = context.getBean(RepositoryService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.statements = new StatementCounts(context.getBean(EntityManagerFactory.class).unwrap(SessionFactory.class)
                .getStatistics());
        this.cpu = new CpuMeter(jdbc);
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        boolean ok;
        try (EmbeddedPostgres postgres = EmbeddedPostgresInitializer.start();
             ConfigurableApplicationContext context = IngestionBenchmark.application(postgres, settings)) {
            ok = new DunningRunBenchmark(settings, context).run();
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception {
        System.out.printf("%nDUNNING RUN BENCHMARK %d delinquent accounts, %d threads, %d cores, history level %s%n", cases,
                settings.threads(), Runtime.getRuntime().availableProcessors(),
                historyLevel());
        setUp();

        Phase dunwell = dunningRunPhase();
        boolean ok = verifyDunningRun();
        Phase bare = bareEnginePhase();

        double ratio = dunwell.perSecond() / bare.perSecond();
        System.out.printf("Dunwell opened %d cases in %.1f s (%.0f cases/s); bare engine started %d instances in %.1f s "
                        + "(%.0f instances/s); ratio A/B = %.2f (target >= 0.8); 100k target <= 10 min%n", dunwell.count(),
                dunwell.seconds(), dunwell.perSecond(), bare.count(), bare.seconds(), bare.perSecond(), ratio);
        System.out.printf("BENCHMARK dunning_run_cases_per_s=%.0f bare_engine_instances_per_s=%.0f ratio=%.2f "
                        + "projected_100k_min=%.1f checks=%s%n", dunwell.perSecond(), bare.perSecond(), ratio,
                100_000 / dunwell.perSecond() / 60, ok ? "OK" : "FAILED");
        return ok;
    }

    private String historyLevel() {
        int level = Integer.parseInt(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'",
                String.class));
        return switch (level) {
            case 0 -> "NONE";
            case 1 -> "ACTIVITY";
            case 2 -> "AUDIT";
            case 3 -> "FULL";
            default -> Integer.toString(level);
        };
    }

    /** {@code bench.cases} accounts with one overdue open invoice each, on disjoint ranges per thread. */
    private void setUp() throws Exception {
        long start = System.nanoTime();
        inParallel(thread -> {
            int from = (int) ((long) cases * thread / settings.threads());
            int to = (int) ((long) cases * (thread + 1) / settings.threads());
            long rows = 0;
            for (int chunk = from; chunk < to; chunk += settings.chunk()) {
                int end = Math.min(to, chunk + settings.chunk());
                rows += created(accountService.upsertAll(data.accounts(chunk, end)));
                rows += created(invoiceService.upsertAll(
                        IntStream.range(chunk, end).mapToObj(data::overdueInvoice).toList()));
            }
            return rows;
        });
        System.out.printf("set-up: %d accounts with one overdue invoice each in %.1f s%n",
                jdbc.queryForObject("select count(*) from account", Long.class), (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@link DunningRun#start()}, then the run's jobs on {@code bench.threads} threads until its
     * process instance has ended. Only jobs of the run's instance are executed: the cases stay at
     * their first job, as after a real run.
     */
    private Phase dunningRunPhase() throws Exception {
        statements.reset();
        double jvmBefore = cpu.jvmSeconds();
        double postgresBefore = cpu.postgresSeconds();
        long start = System.nanoTime();
        DunningRun.StartedRun run = dunningRun.start();
        Map<String, String> jobKinds = management.createJobDefinitionQuery()
                .processDefinitionKey(DunningRunVariables.PROCESS_KEY).list().stream()
                .collect(Collectors.toMap(JobDefinition::getId, d -> d.getActivityId() + " " + d.getJobConfiguration()));
        Set<String> claimed = ConcurrentHashMap.newKeySet(); // executed or being executed; a failed job leaves it again
        AtomicInteger running = new AtomicInteger();
        Map<String, AtomicLong> executed = new ConcurrentHashMap<>();
        Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
        Map<String, AtomicLong> optimisticLocking = new ConcurrentHashMap<>();
        inParallel(thread -> {
            long done = 0;
            while (true) {
                Job next = null;
                for (Job job : management.createJobQuery().processInstanceId(run.id()).withRetriesLeft().list()) {
                    if (claimed.add(job.getId())) {
                        running.incrementAndGet();
                        next = job;
                        break;
                    }
                }
                if (next == null) {
                    if (runtime.createProcessInstanceQuery().processInstanceId(run.id()).count() == 0) {
                        return done;
                    }
                    if (running.get() == 0 && management.createJobQuery().processInstanceId(run.id()).withRetriesLeft().count() == 0) {
                        throw new IllegalStateException("the run has not ended and has no job with retries left");
                    }
                    // no job free now: wait until another thread finishes one (its commit may create the next),
                    // at most 100 ms in case the only jobs left are retries waiting for their due date
                    synchronized (running) {
                        running.wait(100);
                    }
                    continue;
                }
                String kind = jobKinds.getOrDefault(next.getJobDefinitionId(), "?");
                try {
                    management.executeJob(next.getId());
                    executed.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    done++;
                } catch (RuntimeException e) {
                    boolean locking = causedBy(e, OptimisticLockingException.class);
                    (locking ? optimisticLocking : failed).computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    if (!locking) {
                        System.out.printf("  job %s (%s) failed: %s%n", next.getId(), kind, e);
                    }
                    claimed.remove(next.getId()); // retried, as the job executor would
                } finally {
                    running.decrementAndGet();
                    synchronized (running) {
                        running.notifyAll();
                    }
                }
            }
        });
        Phase phase = new Phase(cases, (System.nanoTime() - start) / 1e9, cpu.jvmSeconds() - jvmBefore,
                cpu.postgresSeconds() - postgresBefore);
        long opened = jdbc.queryForObject("select count(*) from dunning_case", Long.class);
        System.out.printf("dunning run: %d partitions, %d cases opened in %.1f s = %.0f cases/s; %s%n", run.partitions(),
                opened, phase.seconds(), opened / phase.seconds(), phase.cpu());
        System.out.printf("dunning run jobs: executed %s; failed %s; optimistic locking (retried) %s%n", executed, failed,
                optimisticLocking);
        this.partitionFailures = failed.entrySet().stream().filter(e -> e.getKey().startsWith("Task_OpenDunningCases "))
                .mapToLong(e -> e.getValue().get()).sum();
        this.otherFailures = failed.values().stream().mapToLong(AtomicLong::get).sum() - partitionFailures;
        if (settings.stats()) {
            System.out.println("dunning run, Hibernate statements (the engine's own go through MyBatis and are not counted):");
            statements.print(cases);
        }
        return phase;
    }

    private long partitionFailures;
    private long otherFailures;

    private boolean verifyDunningRun() {
        long active = jdbc.queryForObject("select count(*) from dunning_case where status = 'ACTIVE'", Long.class);
        long withoutProcess = jdbc.queryForObject(
                "select count(*) from dunning_case where status = 'ACTIVE' and process_instance_id is null", Long.class);
        long doubled = jdbc.queryForObject("select count(*) from (select account_id from dunning_case where status = 'ACTIVE' "
                + "group by account_id having count(*) > 1) d", Long.class);
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(DunningCaseVariables.PROCESS_KEY).count();
        long planJobs = management.createJobQuery().processDefinitionKey(DunningCaseVariables.PROCESS_KEY).count();
        long runsLeft = runtime.createProcessInstanceQuery().processDefinitionKey(DunningRunVariables.PROCESS_KEY).count();
        boolean ok = active == cases && withoutProcess == 0 && doubled == 0 && instances == cases && planJobs == cases
                && runsLeft == 0 && partitionFailures == 0 && otherFailures == 0;
        System.out.printf("dunning run check: %d active cases (expected %d), %d without a process instance, %d accounts with "
                        + "two active cases, %d DunningCaseProcess instances, %d of their jobs waiting (not executed), "
                        + "%d runs still running, partition job failures %d, other job failures %d: %s%n", active, cases,
                withoutProcess, doubled, instances, planJobs, runsLeft, partitionFailures, otherFailures, ok ? "OK" : "FAILED");
        return ok;
    }

    /** Deploys a one-user-task process and starts {@code bench.cases} instances, {@value #BARE_BATCH} per transaction. */
    private Phase bareEnginePhase() throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().userTask().endEvent().done();
        repository.createDeployment().name("bare-benchmark").addModelInstance("bare-benchmark.bpmn", model).deploy();
        AtomicInteger nextBatch = new AtomicInteger();
        double jvmBefore = cpu.jvmSeconds();
        double postgresBefore = cpu.postgresSeconds();
        long start = System.nanoTime();
        inParallel(thread -> {
            long started = 0;
            int from;
            while ((from = nextBatch.getAndAdd(BARE_BATCH)) < cases) {
                int batchStart = from;
                int batchEnd = Math.min(cases, from + BARE_BATCH);
                transactions.executeWithoutResult(status -> {
                    for (int i = batchStart; i < batchEnd; i++) {
                        runtime.createProcessInstanceByKey(BARE_PROCESS)
                                .businessKey("BARE-" + i)
                                .setVariable(DunningCaseVariables.ACCOUNT_ID, (long) i)
                                .setVariable(DunningCaseVariables.CASE_ID, (long) i)
                                .execute();
                    }
                });
                started += batchEnd - batchStart;
            }
            return started;
        });
        Phase phase = new Phase(cases, (System.nanoTime() - start) / 1e9, cpu.jvmSeconds() - jvmBefore,
                cpu.postgresSeconds() - postgresBefore);
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(BARE_PROCESS).count();
        System.out.printf("bare engine: %d instances (%d running) in %.1f s = %.0f instances/s, %d per transaction; %s%n",
                cases, instances, phase.seconds(), phase.perSecond(), BARE_BATCH, phase.cpu());
        if (instances != cases) {
            throw new IllegalStateException("bare engine: " + instances + " of " + cases + " instances running");
        }
        return phase;
    }

    private interface Work {
        long apply(int thread) throws Exception;
    }

    private long inParallel(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                int thread = t;
                parts.add(pool.submit(() -> work.apply(thread)));
            }
            long total = 0;
            for (Future<Long> part : parts) {
                total += part.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static long created(List<? extends RowResult<?>> results) {
        for (RowResult<?> result : results) {
            if (result.outcome() != RowResult.Outcome.CREATED) {
                throw new IllegalStateException("row " + result.externalId() + " was " + result.outcome() + " " + result.errors());
            }
        }
        return results.size();
    }
}
