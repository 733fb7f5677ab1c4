package io.dunwell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL restarted under load: payments keep being booked and process jobs keep running (the
 * job executor on, as in production) while the database goes down and comes back on the same data
 * directory and port. Nobody restarts the application: the connection pool drops the dead
 * connections and opens new ones, the job executor's acquisition picks up again, and nothing that
 * was accepted is lost — every booking answered 2xx is in the database, every instance whose start
 * returned runs to its end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "camunda.bpm.job-execution.enabled=true",
        // a request that finds the database down fails within seconds instead of waiting the default 30 s
        "spring.datasource.hikari.connection-timeout=3000",
        // a job the executor held when the database went down is picked up again once its lock expires (5 minutes in production)
        "camunda.bpm.job-execution.lock-time-in-millis=15000"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = DatabaseRestartIT.RestartablePostgres.class)
@DirtiesContext
class DatabaseRestartIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestartIT.class);

    private static final int BOOKED_BEFORE = 30;
    private static final int REFUSED_DURING = 5;
    private static final int BOOKED_AFTER = 30;

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    final Set<String> acceptedPayments = ConcurrentHashMap.newKeySet();
    final Set<String> startedInstances = ConcurrentHashMap.newKeySet();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();
    Duration downFor;

    @Test
    void theApplicationRidesOutADatabaseRestartAndLosesNothingItAccepted() throws Exception {
        String account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Restart Ltd",
                "ap@restart.example", null, "en-GB", "Europe/London", "EUR", null)).account().getExternalId();
        String process = deployProcessWithAJob();
        CountDownLatch before = new CountDownLatch(BOOKED_BEFORE);
        CountDownLatch during = new CountDownLatch(REFUSED_DURING);
        CountDownLatch after = new CountDownLatch(BOOKED_AFTER);
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();

        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = List.of(
                load.submit(() -> bookUntil(stop, account, restarted, before, during, after)),
                load.submit(() -> bookUntil(stop, account, restarted, before, during, after)),
                load.submit(() -> startUntil(stop, process)));
        try {
            assertThat(before.await(2, TimeUnit.MINUTES)).as("bookings before the restart").isTrue();
            down.set(true);
            long wentDown = System.nanoTime();
            RestartablePostgres.stop();
            assertThat(during.await(2, TimeUnit.MINUTES)).as("requests refused while the database is down").isTrue();
            RestartablePostgres.start();
            down.set(false);
            restarted.set(true);
            downFor = Duration.ofNanos(System.nanoTime() - wentDown);
            assertThat(after.await(2, TimeUnit.MINUTES)).as("bookings after the restart, on the same application").isTrue();
        } finally {
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(1, TimeUnit.MINUTES);
            }
            load.shutdown();
        }

        assertThat(refused.get()).isGreaterThanOrEqualTo(REFUSED_DURING);
        List<String> stored = jdbc.queryForList("select external_id from payment where account_id = (select id from account"
                + " where external_id = ?)", String.class, account);
        assertThat(stored).as("every booking answered 2xx").containsAll(acceptedPayments).doesNotHaveDuplicates();
        assertThat(startedInstances).isNotEmpty();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(process).count())
                        .as(() -> "instances whose job has not run yet: " + jobsOf(process)).isZero());
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(process).finished().list())
                .extracting(instance -> instance.getId()).containsAll(startedInstances);
        log.info("Database down for {} ms: {} bookings accepted, {} requests refused meanwhile, {} instances started and all ended",
                downFor.toMillis(), acceptedPayments.size(), refused.get(), startedInstances.size());
    }

    private List<String> jobsOf(String process) {
        return management.createJobQuery().processDefinitionKey(process).list().stream()
                .map(job -> job.getId() + " retries " + job.getRetries() + " due " + job.getDuedate() + " " + job.getExceptionMessage()).toList();
    }

    private void bookUntil(AtomicBoolean stop, String account, AtomicBoolean restarted, CountDownLatch before,
                           CountDownLatch during, CountDownLatch after) {
        while (!stop.get()) {
            String id = "PAY-" + UUID.randomUUID();
            boolean afterRestart = restarted.get();
            boolean whileDown = down.get();
            if (book(account, id)) {
                acceptedPayments.add(id);
                (afterRestart ? after : before).countDown();
            } else {
                refused.incrementAndGet();
                if (whileDown) {
                    during.countDown();
                }
            }
        }
    }

    private boolean book(String account, String id) {
        try {
            int status = mvc.perform(post("/api/v1/payments").with(user("billing").roles("INTEGRATION"))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"externalId": "%s", "accountId": "%s", "amount": "1.00", "currency": "EUR",
                             "receivedAt": "2026-12-01T10:00:00Z"}""".formatted(id, account)))
                    .andReturn().getResponse().getStatus();
            return status >= 200 && status < 300;
        } catch (Exception refusedWhileDown) {
            return false;
        }
    }

    private void startUntil(AtomicBoolean stop, String process) {
        while (!stop.get()) {
            try {
                startedInstances.add(runtime.startProcessInstanceByKey(process).getId());
            } catch (RuntimeException refusedWhileDown) {
                refused.incrementAndGet();
            }
        }
    }

    /** start → an async continuation (a job for the executor) → end. */
    private String deployProcessWithAJob() {
        String key = "RestartProbeProcess";
        repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1).startEvent().intermediateThrowEvent().camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R5/PT5S").endEvent().done()).deploy();
        return key;
    }

    /**
     * A PostgreSQL of this test's own, on a data directory and port that survive {@link #stop()}
     * and {@link #start()}: the same server, restarted, as an operator or a failover would.
     */
    static class RestartablePostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static Path dataDirectory;
        private static int port;
        private static volatile EmbeddedPostgres server;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                dataDirectory = Files.createTempDirectory("dunwell-restart-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            port = freePort();
            start();
            EmbeddedPostgresInitializer.use(server, RestartablePostgres::stop, context);
        }

        static synchronized void start() {
            server = EmbeddedPostgresInitializer.startKeeping(dataDirectory, port);
        }

        static synchronized void stop() {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                server = null;
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
