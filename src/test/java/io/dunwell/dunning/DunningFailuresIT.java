package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;


import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoices;
import io.dunwell.notification.MailRetry;
import io.dunwell.notification.Notifications;
import io.dunwell.notification.OutboxMessage;
import io.dunwell.payment.Payments;
import io.dunwell.system.SharedClock;

/**
 * What must hold when things go wrong: an SMTP outage, a crash between sending and committing,
 * two runs at once. An integration test of its own (failsafe), because a dunning run looks at
 * every account of the database.
 */
@DunwellIntegrationTest
class DunningFailuresIT {

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
    DunningCases cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MailRetry mailRetry;

    Delinquents delinquents;
    CaseJobs jobs;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        delinquents = new Delinquents(accounts, invoices, payments, jdbc, clock);
        jobs = new CaseJobs(management);
        mailbox = Mailbox.start();
    }

    @AfterEach
    void stopSmtp() {
        mailbox.stop();
    }

    @Test
    void smtpOutageBecomesRetriesThenAnIncidentAndTheNoticeGoesOutOnceWhenResolved() throws Exception {
        mailbox.stop();
        Account down = delinquents.overdue(8, "100.00");
        String downInstance = open(down);
        Job plan = jobs.theDueJob(downInstance);
        management.executeJob(plan.getId());

        Job send = jobs.theDueJob(downInstance);
        List<Duration> waits = mailRetry.intervals();
        for (int attempt = 1; attempt <= mailRetry.attempts(); attempt++) {
            String jobId = send.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).as("attempt " + attempt).isNotNull();
            clock.advance(waits.get(Math.min(attempt, waits.size()) - 1).plusMinutes(1));
            send = management.createJobQuery().jobId(jobId).singleResult();
        }
        assertThat(send.getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(downInstance).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_SendDunningNotice");
        OutboxMessage pending = notifications.messagesOf(down.getId()).get(0);
        assertThat(pending.getStatus()).isEqualTo(OutboxMessage.PENDING);
        assertThat(pending.getAttempts()).isEqualTo(mailRetry.attempts());

        mailbox.up();
        management.setJobRetries(send.getId(), 1); // what "retry" on the incident in Cockpit does
        jobs.runDue(downInstance);

        assertThat(mailsTo(down)).hasSize(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(downInstance).count()).isZero();
        assertThat(notifications.messagesOf(down.getId())).singleElement()
                .satisfies(message -> assertThat(message.getStatus()).isEqualTo(OutboxMessage.SENT));
    }

    @Test
    void crashAfterTheMailServerTookTheNoticeButBeforeTheJobCommittedSendsNothingMore() throws Exception {
        Account account = delinquents.overdue(8, "100.00");
        String instance = open(account);
        management.executeJob(jobs.theDueJob(instance).getId());
        Job send = jobs.theDueJob(instance);

        // the send job runs inside a transaction that then dies, as if the node crashed before committing
        TransactionTemplate doomed = new TransactionTemplate(transactions);
        doomed.executeWithoutResult(status -> {
            management.executeJob(send.getId());
            status.setRollbackOnly();
        });
        assertThat(mailsTo(account)).as("the mail server took it once").hasSize(1);
        assertThat(management.createJobQuery().jobId(send.getId()).count()).as("the job is still there to retry").isOne();

        jobs.runDue(instance);

        assertThat(mailsTo(account)).as("the retry sent nothing more").hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()).isNotNull();
        assertThat(management.createJobQuery().processInstanceId(instance).activityId("Task_SendDunningNotice").count()).isZero();
    }

    @Test
    void twoRunsAtOnceOpenOneCasePerAccount() throws Exception {
        List<Account> late = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            late.add(delinquents.overdue(3 + i, "100.00"));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<DunningRun.StartedRun> first = CompletableFuture.supplyAsync(() -> startAfter(together));
        CompletableFuture<DunningRun.StartedRun> second = CompletableFuture.supplyAsync(() -> startAfter(together));
        List<String> runs = List.of(first.get().id(), second.get().id());

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> runPartitions(runs.get(0)));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> runPartitions(runs.get(1)));
        CompletableFuture.allOf(one, other).get();
        jobs.runDue(runs.get(0));
        jobs.runDue(runs.get(1));

        for (Account account : late) {
            assertThat(jdbc.queryForObject("select count(*) from dunning_case where account_id = ?", Integer.class, account.getId()))
                    .as("cases of " + account.getExternalId()).isOne();
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DunningCaseProcess")
                    .processInstanceBusinessKey(account.getExternalId()).count()).as("case processes").isOne();
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(runs)).count())
                .as("both runs completed").isZero();
    }

    private DunningRun.StartedRun startAfter(CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return run.start();
    }

    /** Executes the run's partition jobs; a partition that lost a race to the other run is retried like the executor would. */
    private void runPartitions(String runId) {
        for (Job job : management.createJobQuery().processInstanceId(runId).executable().list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException lostRace) {
                management.executeJob(job.getId());
            }
        }
    }

    private String open(Account account) {
        return run.openCase(account.getId()).orElseThrow().getProcessInstanceId();
    }

    private List<MimeMessage> mailsTo(Account account) {
        return mailbox.to(account.getEmail());
    }
}
