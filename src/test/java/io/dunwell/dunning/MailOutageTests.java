package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoices;
import io.dunwell.notification.FailedNotices;
import io.dunwell.notification.MailOutage;
import io.dunwell.notification.MailOutages;
import io.dunwell.notification.MailRetry;
import io.dunwell.notification.Notifications;
import io.dunwell.notification.OutboxMessage;
import io.dunwell.payment.Payments;
import io.dunwell.system.SharedClock;

/**
 * "A one-day SMTP outage ends with every notice sent and no incident": the mail steps back off by
 * {@code dunwell.mail.retry-intervals} (default: minutes, then hours, three days in all), and what
 * outlasts even that is retried in one call. Time is the simulation clock; jobs run by hand.
 */
@DunwellIntegrationTest
class MailOutageTests {

    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Payments payments;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SharedClock clock;
    @Autowired
    DunningRun run;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    MailRetry mailRetry;
    @Autowired
    MailOutages outages;
    @Autowired
    FailedNotices failedNotices;
    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;

    Delinquents delinquents;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        delinquents = new Delinquents(accounts, invoices, payments, jdbc, clock);
        mailbox = Mailbox.start();
        // 10:00 in Berlin, the accounts' zone: a notice that falls due today goes out now, not at 09:00 tomorrow
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        clock.setNow(LocalDate.ofInstant(clock.instant(), berlin).plusDays(1).atTime(LocalTime.of(10, 0)).atZone(berlin).toInstant());
    }

    @AfterEach
    void stopSmtp() {
        mailbox.stop();
    }

    @Test
    void theDefaultBackOffGrowsFromMinutesToHoursAndOutlastsADay() {
        assertThat(mailRetry.intervals().get(0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(mailRetry.intervals()).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(mailRetry.span()).isGreaterThan(Duration.ofDays(3));
        assertThat(mailRetry.getCycle()).startsWith("PT5M,PT15M,PT30M,PT1H,");
    }

    @Test
    void aDayLongSmtpOutageEndsWithEveryNoticeSentOnceAndNoIncident() throws Exception {
        mailbox.stop();
        List<Account> late = List.of(delinquents.overdue(8, "100.00"), delinquents.overdue(9, "80.00"),
                delinquents.overdue(10, "60.00"));
        List<String> instances = late.stream().map(this::open).toList();
        Instant outageEnds = clock.instant().plus(Duration.ofHours(26));

        int failedAttempts = runUntil(outageEnds, instances);

        // 0, 5 m, 20 m, 50 m, 1 h 50, 3 h 50, 7 h 50, 15 h 50: eight refused attempts per notice in 26 hours
        assertThat(failedAttempts).isEqualTo(3 * 8);
        assertThat(incidentsOf(instances)).isZero();
        for (Account account : late) {
            assertThat(notifications.messagesOf(account.getId())).singleElement().satisfies(message -> {
                assertThat(message.getStatus()).isEqualTo(OutboxMessage.PENDING);
                assertThat(message.getAttempts()).isEqualTo(8);
            });
        }
        MailOutage outage = outages.now();
        assertThat(outage.waiting()).isGreaterThanOrEqualTo(3);
        assertThat(outage.waitingSince()).isBefore(outageEnds.minus(Duration.ofHours(25)));
        assertThat(outage.isShown()).isTrue();
        assertThat(meters.get("dunwell.mail.outage").gauge().value()).isEqualTo(1.0);

        mailbox.up();
        runUntil(clock.instant().plus(Duration.ofHours(3)), instances);

        for (Account account : late) {
            assertThat(mailbox.to(account.getEmail())).as("mails to " + account.getExternalId()).hasSize(1);
            assertThat(notifications.messagesOf(account.getId())).singleElement()
                    .satisfies(message -> assertThat(message.getStatus()).isEqualTo(OutboxMessage.SENT));
        }
        assertThat(incidentsOf(instances)).isZero();
        assertThat(messageIds(mailbox.all())).doesNotHaveDuplicates();
        for (String instance : instances) {
            assertThat(management.createJobQuery().processInstanceId(instance).activityId("Task_SendDunningNotice").count())
                    .as("send job of " + instance).isZero();
        }
    }

    @Test
    void whenTheBackOffRunsOutOneCallRetriesEveryFailedNoticeAndEachIsSentOnce() throws Exception {
        mailbox.stop();
        List<Account> late = List.of(delinquents.overdue(8, "100.00"), delinquents.overdue(8, "90.00"));
        List<String> instances = late.stream().map(this::open).toList();

        int failedAttempts = runUntil(clock.instant().plus(mailRetry.span()).plus(Duration.ofHours(1)), instances);

        assertThat(failedAttempts).isEqualTo(2 * mailRetry.attempts());
        assertThat(incidentsOf(instances)).isEqualTo(2);
        assertThat(failedNotices.count()).isGreaterThanOrEqualTo(2);
        assertThat(outages.now().failed()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("dunwell.notices.failed").gauge().value()).isGreaterThanOrEqualTo(2.0);

        mailbox.up();
        String answer = mvc.perform(post("/api/v1/messages/retry-failed").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retried").isNumber())
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).as("retried at least these two").matches(".*\"retried\":([2-9]|\\d\\d+).*");
        assertThat(incidentsOf(instances)).isZero();
        for (String instance : instances) {
            assertThat(management.createJobQuery().processInstanceId(instance).activityId("Task_SendDunningNotice").singleResult()
                    .getRetries()).as("the whole back-off again").isEqualTo(mailRetry.attempts());
        }

        runUntil(clock.instant().plus(Duration.ofMinutes(1)), instances);

        for (Account account : late) {
            assertThat(mailbox.to(account.getEmail())).as("mails to " + account.getExternalId()).hasSize(1);
        }
        assertThat(incidentsOf(instances)).isZero();
        assertThat(messageIds(mailbox.all())).doesNotHaveDuplicates();
    }

    /**
     * Runs the instances' due jobs, moving the clock to each next retry, until {@code until}, where
     * it leaves the clock; returns how many attempts failed (each a refused mail while the server is down).
     */
    private int runUntil(Instant until, List<String> instances) {
        int failed = 0;
        while (true) {
            List<Job> due;
            while (!(due = dueJobs(instances)).isEmpty()) {
                for (Job job : due) {
                    try {
                        management.executeJob(job.getId());
                    } catch (RuntimeException refused) {
                        failed++;
                    }
                }
            }
            Instant next = nextRetry(instances);
            if (next == null || next.isAfter(until)) {
                clock.setNow(until);
                return failed;
            }
            clock.setNow(next.plusSeconds(1));
        }
    }

    private List<Job> dueJobs(List<String> instances) {
        return instances.stream().flatMap(instance -> management.createJobQuery().processInstanceId(instance).executable().list().stream())
                .toList();
    }

    /** When the earliest retry of a failed job of these instances is due; null when none waits for one. */
    private Instant nextRetry(List<String> instances) {
        return instances.stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance).withException().withRetriesLeft().list().stream())
                .map(job -> job.getDuedate().toInstant())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private long incidentsOf(List<String> instances) {
        return instances.stream().mapToLong(instance -> runtime.createIncidentQuery().processInstanceId(instance).count()).sum();
    }

    private String open(Account account) {
        return run.openCase(account.getId()).orElseThrow().getProcessInstanceId();
    }

    private static List<String> messageIds(List<MimeMessage> mails) {
        return mails.stream().map(mail -> {
            try {
                return mail.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
