package io.dunwell.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.DunningMetrics;
import io.dunwell.dunning.Mailbox;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.monitoring.EngineMonitor;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/**
 * What an operator sees of a node: health that stays UP (and the node in service) while the SMTP server
 * is away, with the smtp component saying so to admins; the dunwell_* figures at /actuator/prometheus
 * for admins only; and a Grafana dashboard that asks only for metrics a real scrape has.
 */
@DunwellIntegrationTest
class MonitoringTests {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-secret";
    private static final String SUPERVISOR = "monitoringsupervisor";
    private static final Path DASHBOARD = Path.of("ops/grafana/dashboards/dunwell.json");
    /** A sample line of the text format: its name, then its labels or its value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Notifications notifications;
    @Autowired Outbox outbox;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ManagementService management;
    @Autowired SmtpHealthIndicator smtp;
    @Autowired NotificationMetrics notificationMetrics;
    @Autowired DunningMetrics dunningMetrics;
    @Autowired EngineMonitor engine;
    @Autowired JdbcTemplate jdbc;

    Customers customers;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, SUPERVISOR, Roles.SUPERVISORS_GROUP);
        customers = new Customers(accounts, invoices, notifications, clock, transactions);
    }

    @AfterEach
    void stopSmtp() {
        if (mailbox != null) {
            mailbox.stop();
        }
    }

    @Test
    void anUnreachableSmtpServerLeavesHealthAndReadinessUpAndTheSmtpComponentWarnsAdmins() throws Exception {
        smtp.check();

        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));

        mvc.perform(get("/actuator/health").with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.smtp.status").value("WARNING"))
                .andExpect(jsonPath("$.components.smtp.details.location").value("localhost:" + Mailbox.PORT))
                .andExpect(jsonPath("$.components.smtp.details.error").isNotEmpty())
                .andExpect(jsonPath("$.components.mail").doesNotExist());
        mvc.perform(get("/actuator/health/readiness").with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.engine.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.smtp").doesNotExist());
        mvc.perform(get("/actuator/health/readiness").with(httpBasic(SUPERVISOR, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.components").doesNotExist());
        assertThat(scrape()).contains("dunwell_smtp_up 0.0");

        mailbox = Mailbox.start();
        smtp.check();

        mvc.perform(get("/actuator/health").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.components.smtp.status").value("UP"))
                .andExpect(jsonPath("$.components.smtp.details.error").doesNotExist());
        assertThat(scrape()).contains("dunwell_smtp_up 1.0");
    }

    @Test
    void metricsAreForAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(SUPERVISOR, TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aNoticeQueuedThenSentCountsOnceEachByTemplateAndChannel() throws Exception {
        mailbox = Mailbox.start();
        String queued = "dunwell_notices_queued_total{channel=\"EMAIL\",template=\"reminder-2\"}";
        String sent = "dunwell_notices_sent_total{channel=\"EMAIL\",template=\"reminder-2\"}";
        double queuedBefore = value(scrape(), queued);
        double sentBefore = value(scrape(), sent);

        OutboxMessage notice = queuedNotice("reminder-2");
        outbox.send(notice.getId());
        outbox.send(notice.getId());

        String after = scrape();
        assertThat(value(after, queued)).isEqualTo(queuedBefore + 1);
        assertThat(value(after, sent)).isEqualTo(sentBefore + 1);
    }

    @Test
    void aRefusedAttemptCountsAsAFailureAndTheNoticeWaitsInTheBacklog() throws Exception {
        String failed = "dunwell_notices_send_failures_total{channel=\"EMAIL\",reason=\"refused\",template=\"reminder-1\"}";
        double failedBefore = value(scrape(), failed);

        OutboxMessage notice = queuedNotice("reminder-1");
        assertThatThrownBy(() -> outbox.send(notice.getId())).isInstanceOf(RuntimeException.class);
        notificationMetrics.refresh();

        String after = scrape();
        assertThat(value(after, failed)).isEqualTo(failedBefore + 1);
        assertThat(value(after, "dunwell_outbox_backlog{channel=\"EMAIL\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "dunwell_outbox_oldest_age_seconds{channel=\"EMAIL\"}")).isGreaterThanOrEqualTo(0);
        JsonNode outboxHealth = adminHealth().path("components").path("outbox");
        assertThat(outboxHealth.path("details").path("waiting").asLong()).isGreaterThanOrEqualTo(1);
        // other tests move the shared clock by days, so the oldest message's age is whatever they left
        assertThat(outboxHealth.path("status").asText())
                .isEqualTo(outboxHealth.path("details").path("oldestWaitingSeconds").asLong() > 3600 ? "WARNING" : "UP");
    }

    @Test
    void theDashboardAsksOnlyForMetricsTheApplicationExposes() throws Exception {
        mailbox = Mailbox.start();
        OutboxMessage sent = queuedNotice("reminder-1");
        outbox.send(sent.getId());
        mailbox.stop();
        OutboxMessage refused = queuedNotice("reminder-1");
        assertThatThrownBy(() -> outbox.send(refused.getId())).isInstanceOf(RuntimeException.class);
        mailbox = null;
        management.reportDbMetricsNow();
        refreshEverything();

        Set<String> exposed = namesIn(scrape());
        Set<String> asked = metricNamesIn(new ObjectMapper().readTree(Files.readString(DASHBOARD)));

        assertThat(asked).isNotEmpty();
        assertThat(exposed).containsAll(asked);
        Set<String> families = exposed.stream().filter(name -> name.startsWith("dunwell_"))
                .map(name -> name.replaceAll("_(count|sum|max)$", "")).collect(Collectors.toSet());
        assertThat(families).as("every dunwell_ figure has a panel")
                .allMatch(family -> asked.stream().anyMatch(name -> name.startsWith(family)));
    }

    @Test
    void databaseFiguresAfterARefreshAreWhatTheDatabaseHolds() throws Exception {
        double invoicesBefore = value(scrape(), "dunwell_bookings_total{kind=\"invoice\"}");
        queuedNotice("reminder-1");
        refreshEverything();

        String metrics = scrape();
        assertThat(value(metrics, "dunwell_bookings_total{kind=\"invoice\"}")).isEqualTo(invoicesBefore + 1);
        assertThat(value(metrics, "dunwell_engine_jobs_due"))
                .isEqualTo(management.createJobQuery().executable().active().count()
                        - management.createJobQuery().executable().active().acquired().count());
        assertThat(value(metrics, "dunwell_engine_incidents{type=\"failedJob\"}"))
                .isEqualTo(jdbc.queryForObject("select count(*) from act_ru_incident where incident_type_ = 'failedJob'", Long.class).doubleValue());
        assertThat(metrics.lines().filter(line -> line.startsWith("dunwell_cases_open{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .isEqualTo(jdbc.queryForObject("select count(*) from dunning_case where status = 'ACTIVE'", Long.class).doubleValue());
        assertThat(metrics).contains("dunwell_cases_open{status=\"IN_COLLECTIONS\"}", "dunwell_cases_open{status=\"ESCALATED\"}");
        JsonNode jobsHealth = adminHealth().path("components").path("jobs");
        assertThat(jobsHealth.path("details").path("due").isNumber()).isTrue();
        assertThat(jobsHealth.path("status").asText())
                .isEqualTo(jobsHealth.path("details").path("due").asLong() > 10000 ? "WARNING" : "UP");
    }

    private void refreshEverything() {
        smtp.check();
        notificationMetrics.refresh();
        dunningMetrics.refresh();
        engine.refresh();
    }

    private JsonNode adminHealth() throws Exception {
        return new ObjectMapper().readTree(mvc.perform(get("/actuator/health").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private OutboxMessage queuedNotice(String template) {
        Account account = customers.account("Observed GmbH", "de-DE", "Europe/Berlin", "EUR");
        customers.invoice(account, "250.00", "250.00", 12);
        return customers.enqueue(account, template);
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The value of the sample with exactly this name and these labels; 0 when the series does not exist yet. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }

    private static Set<String> namesIn(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            names.add(sample.group(1));
        }
        return names;
    }

    /** The metric names in every panel's PromQL: identifiers that are no function, keyword, label or duration. */
    static Set<String> metricNamesIn(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            String query = expr.asText()
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
            Matcher identifier = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?").matcher(query);
            while (identifier.find()) {
                boolean function = identifier.group(2) != null;
                if (!function && !Set.of("and", "or", "unless", "offset", "bool").contains(identifier.group(1))) {
                    names.add(identifier.group(1));
                }
            }
        }
        return names;
    }
}
