package io.dunwell.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.DunwellApplication;
import io.dunwell.EmbeddedPostgresInitializer;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.DelinquentAccounts;
import io.dunwell.dunning.DunningCases;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.RowResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Imports accounts, then invoices, into embedded PostgreSQL through the services the API and the
 * CSV import use ({@link Accounts#upsertAll}, {@link Invoices#upsertAll}), a chunk per
 * call, and prints rows per second, the CPU they cost, the rows in the tables and whether every
 * receivables summary agrees with its invoices. Not a test: {@code mvn -Pbenchmark verify} runs it
 * (see BENCHMARKS.md and {@link BenchmarkSettings} for the parameters).
 */
public final class IngestionBenchmark {

    private record Phase(double seconds, double importerCpuSeconds, double jvmCpuSeconds, double postgresCpuSeconds) {

        double cpuMicrosPerRow(int rows) {
            return (jvmCpuSeconds + postgresCpuSeconds) * 1e6 / rows;
        }
    }

    private interface RangeImport {

        /** Imports what belongs to accounts {@code from} (inclusive) to {@code to} (exclusive); returns the rows. */
        long apply(int from, int to);
    }

    private static final int SCAN_PAGE = 1_000;

    private final BenchmarkSettings settings;
    private final Accounts accountService;
    private final Invoices invoiceService;
    private final JdbcTemplate jdbc;
    private final DelinquentAccounts delinquentAccounts;
    private final DunningCases dunningCases;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final StatementCounts statements;
    private final CpuMeter cpu;
    private final BenchmarkData data = new BenchmarkData(LocalDate.now(), 42);

    private IngestionBenchmark(BenchmarkSettings settings, ConfigurableApplicationContext context) {
        this.settings = settings;
        this.accountService = context.getBean(Accounts.class);
        this.invoiceService = context.getBean(Invoices.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.delinquentAccounts = context.getBean(DelinquentAccounts.class);
        this.dunningCases = context.getBean(DunningCases.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.clock = context.getBean(Clock.class);
        this.statements = new StatementCounts(context.getBean(EntityManagerFactory.class).unwrap(SessionFactory.class)
                .getStatistics());
        this.cpu = new CpuMeter(jdbc);
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        HeapPeak heap = HeapPeak.start();
        boolean consistent;
        try (EmbeddedPostgres postgres = EmbeddedPostgresInitializer.start();
             ConfigurableApplicationContext context = application(postgres, settings)) {
            consistent = new IngestionBenchmark(settings, context).run(heap);
        }
        System.exit(consistent ? 0 : 1);
    }

    /** The application as in production, without the web server, the job executor and the demo. */
    static ConfigurableApplicationContext application(EmbeddedPostgres postgres, BenchmarkSettings settings) {
        // command-line arguments outrank application.yml; default properties would not
        return new SpringApplicationBuilder(DunwellApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=" + (settings.threads() + 2),
                        "--spring.jpa.properties.hibernate.generate_statistics=" + settings.stats(),
                        "--camunda.bpm.job-execution.enabled=false",
                        "--dunwell.demo.enabled=false",
                        // Camunda's REST API needs a servlet container, which this run does without
                        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                        "--logging.level.root=WARN");
    }

    private boolean run(HeapPeak heap) throws Exception {
        System.out.printf("%nBENCHMARK %s, %d invoices per account, %d cores, max heap %d MB%n", settings,
                settings.invoicesPerAccount(), Runtime.getRuntime().availableProcessors(), HeapPeak.maxMegabytes());
        long start = System.nanoTime();
        Phase accounts = phase("accounts", settings.accounts(), this::importAccounts);
        Phase invoices = phase("invoices", settings.invoices(), this::importInvoices);
        double totalSeconds = (System.nanoTime() - start) / 1e9;

        for (String table : List.of("account", "receivables_summary", "invoice", "timeline_entry")) {
            System.out.printf("rows in %s: %d%n", table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        boolean consistent = new SummaryCheck(jdbc).run();
        long accountsPerSecond = Math.round(settings.accounts() / accounts.seconds());
        long invoicesPerSecond = Math.round(settings.invoices() / invoices.seconds());
        System.out.printf("accounts: %d in %.1f s = %d/s; invoices: %d in %.1f s = %d/s; total %.1f s; "
                        + "peak heap used %d MB of %d MB%n", settings.accounts(), accounts.seconds(), accountsPerSecond,
                settings.invoices(), invoices.seconds(), invoicesPerSecond, totalSeconds, heap.peakMegabytes(),
                HeapPeak.maxMegabytes());
        System.out.printf("BENCHMARK invoices/s=%d accounts/s=%d total_s=%.1f peak_heap_mb=%d cpu_us_per_invoice=%.0f "
                        + "cpu_us_per_account=%.0f summaries=%s%n", invoicesPerSecond, accountsPerSecond, totalSeconds,
                heap.peakMegabytes(), invoices.cpuMicrosPerRow(settings.invoices()),
                accounts.cpuMicrosPerRow(settings.accounts()), consistent ? "OK" : "MISMATCH");

        List<Long> delinquent = new ArrayList<>();
        double scanPerSecond = delinquencyScan(delinquent);
        double casesPerSecond = openCases(delinquent.subList(0, Math.min(delinquent.size(), settings.cases())));
        System.out.printf("BENCHMARK delinquency_scan_accounts_per_s=%d open_cases_per_s=%d%n", Math.round(scanPerSecond),
                Math.round(casesPerSecond));
        return consistent;
    }

    /**
     * Pages through all accounts with {@link DelinquentAccounts#page}, 1,000 delinquent ids a page,
     * as a dunning run would; collects the ids and returns the accounts scanned per second.
     */
    private double delinquencyScan(List<Long> delinquent) {
        Instant now = clock.instant();
        long accounts = jdbc.queryForObject("select count(*) from account", Long.class);
        double jvmCpuBefore = cpu.jvmSeconds();
        double postgresCpuBefore = cpu.postgresSeconds();
        List<Double> pageMillis = new ArrayList<>();
        long after = 0;
        long start = System.nanoTime();
        while (true) {
            long pageStart = System.nanoTime();
            List<Long> page = delinquentAccounts.page(after, SCAN_PAGE, now);
            pageMillis.add((System.nanoTime() - pageStart) / 1e6);
            delinquent.addAll(page);
            if (page.size() < SCAN_PAGE) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] sorted = pageMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("delinquency scan: %d accounts, %d pages of up to %d, %d delinquent (%.1f %%) in %.1f s = %.0f "
                        + "accounts/s scanned; ms per page: mean %.1f, p50 %.1f, p95 %.1f, max %.1f; CPU: JVM %.1f s + "
                        + "PostgreSQL %.1f s%n", accounts, sorted.length, SCAN_PAGE, delinquent.size(),
                100.0 * delinquent.size() / Math.max(1, accounts), seconds, accounts / seconds,
                Arrays.stream(sorted).average().orElse(0), percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1], cpu.jvmSeconds() - jvmCpuBefore, cpu.postgresSeconds() - postgresCpuBefore);
        StringBuilder slowest = new StringBuilder();
        Integer[] order = new Integer[pageMillis.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(pageMillis.get(b), pageMillis.get(a)));
        for (int i = 0; i < Math.min(5, order.length); i++) {
            slowest.append(String.format(" #%d %.0f ms", order[i] + 1, pageMillis.get(order[i])));
        }
        // what each page's first query (the distinct time zones) costs of that, timed apart
        long zonesStart = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            jdbc.queryForList("select distinct time_zone from account", String.class);
        }
        System.out.printf("delinquency scan: slowest pages%s; distinct time zones query alone: %.1f ms%n", slowest,
                (System.nanoTime() - zonesStart) / 1e7);
        return accounts / seconds;
    }

    /** Opens a case for each account, {@code bench.chunk} accounts per transaction; returns cases per second. */
    private double openCases(List<Long> accountIds) {
        double jvmCpuBefore = cpu.jvmSeconds();
        double postgresCpuBefore = cpu.postgresSeconds();
        long start = System.nanoTime();
        long opened = 0;
        for (int from = 0; from < accountIds.size(); from += settings.chunk()) {
            List<Long> chunk = accountIds.subList(from, Math.min(accountIds.size(), from + settings.chunk()));
            opened += transactions.execute(status -> (long) dunningCases.openAll(chunk).size());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (opened != accountIds.size()) {
            throw new IllegalStateException("open cases: " + opened + " of " + accountIds.size() + " opened");
        }
        System.out.printf("open cases: %d in %.1f s = %.0f cases/s, %d per transaction; CPU: JVM %.1f s + PostgreSQL %.1f s; "
                        + "rows in dunning_case: %d%n", opened, seconds, opened / seconds, settings.chunk(),
                cpu.jvmSeconds() - jvmCpuBefore, cpu.postgresSeconds() - postgresCpuBefore,
                jdbc.queryForObject("select count(*) from dunning_case", Long.class));
        return opened / seconds;
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** Runs the import on disjoint account ranges, one per thread, so no two threads wait for the same lock. */
    private Phase phase(String name, int rows, RangeImport rangeImport) throws Exception {
        statements.reset();
        double jvmCpuBefore = cpu.jvmSeconds();
        double postgresCpuBefore = cpu.postgresSeconds();
        AtomicLong importerCpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        long start = System.nanoTime();
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            int from = (int) ((long) settings.accounts() * t / settings.threads());
            int to = (int) ((long) settings.accounts() * (t + 1) / settings.threads());
            parts.add(pool.submit(() -> {
                long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long imported = rangeImport.apply(from, to);
                importerCpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore);
                return imported;
            }));
        }
        long imported = 0;
        for (Future<Long> part : parts) {
            imported += part.get();
        }
        Phase phase = new Phase((System.nanoTime() - start) / 1e9, importerCpuNanos.get() / 1e9,
                cpu.jvmSeconds() - jvmCpuBefore, cpu.postgresSeconds() - postgresCpuBefore);
        pool.shutdown();
        if (imported != rows) {
            throw new IllegalStateException(name + ": " + imported + " of " + rows + " rows imported");
        }
        System.out.printf("%s: %d rows in %.1f s = %.0f rows/s; CPU: JVM %.1f s (importing threads %.1f s, the rest "
                        + "mostly JIT compiler and GC) + PostgreSQL %.1f s = %.0f µs per row%n", name, rows, phase.seconds(),
                rows / phase.seconds(), phase.jvmCpuSeconds(), phase.importerCpuSeconds(), phase.postgresCpuSeconds(),
                phase.cpuMicrosPerRow(rows));
        if (settings.stats()) {
            statements.print(rows);
        }
        return phase;
    }

    private long importAccounts(int from, int to) {
        long created = 0;
        for (int chunkStart = from; chunkStart < to; chunkStart += settings.chunk()) {
            created += created(accountService.upsertAll(data.accounts(chunkStart, Math.min(to, chunkStart + settings.chunk()))));
        }
        return created;
    }

    private long importInvoices(int from, int to) {
        int perAccount = settings.invoicesPerAccount();
        int accounts = to - from;
        long total = (long) accounts * perAccount;
        // spread: invoice j goes to account j % accounts, so neighbours belong to different accounts
        IntFunction<InvoiceCommand> nth = settings.spread()
                ? j -> data.invoice(from + j % accounts, j / accounts)
                : j -> data.invoice(from + j / perAccount, j % perAccount);
        long created = 0;
        for (long chunkStart = 0; chunkStart < total; chunkStart += settings.chunk()) {
            List<InvoiceCommand> chunk = new ArrayList<>(settings.chunk());
            for (long j = chunkStart; j < Math.min(total, chunkStart + settings.chunk()); j++) {
                chunk.add(nth.apply((int) j));
            }
            created += created(invoiceService.upsertAll(chunk));
        }
        return created;
    }

    /** Every generated row is new and valid; anything else is a bug that must not pass as a fast run. */
    private static long created(List<? extends RowResult<?>> results) {
        for (RowResult<?> result : results) {
            if (result.outcome() != RowResult.Outcome.CREATED) {
                throw new IllegalStateException("row " + result.externalId() + " was " + result.outcome() + " " + result.errors());
            }
        }
        return results.size();
    }
}
