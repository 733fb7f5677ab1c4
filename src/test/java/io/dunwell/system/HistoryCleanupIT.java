package io.dunwell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.notes.Notes;
import io.dunwell.notification.Notifications;
import io.dunwell.timeline.Timeline;

/**
 * History cleanup as configured (removal-time based, {@code dunwell.history.time-to-live} for a
 * model without one of its own): the cleanup job, run by hand, removes the history of instances
 * that ended longer ago than their time to live, keeps younger ones, and leaves Dunwell's own
 * records — the timeline, the outbox, notes — as they were.
 * <p>
 * The cleanup removes whatever history is due in its database, and the clock moves half a year: on
 * the shared test database that would take the history other tests read (process coverage). So
 * this test has a context and a database of its own (the property below only sets it apart), closed
 * after it, and it puts the clock back.
 */
@DunwellIntegrationTest
@TestPropertySource(properties = "dunwell.history.time-to-live=P180D")
@DirtiesContext
class HistoryCleanupIT {

    private static final int MAX_CLEANUP_RUNS = 50;

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    SharedClock clock;
    @Autowired
    Accounts accounts;
    @Autowired
    Timeline timeline;
    @Autowired
    Notifications notifications;
    @Autowired
    Notes notes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    Instant start;

    @BeforeEach
    void rememberTheClock() {
        start = clock.instant();
    }

    @AfterEach
    void putTheClockBack() {
        clock.setNow(start);
    }

    @Test
    void cleanupRemovesEndedInstancesPastTheirTimeToLiveAndKeepsDunwellsOwnRecords() {
        ProcessDefinition probe = deployModelWithoutATimeToLive();
        assertThat(probe.getHistoryTimeToLive()).as("the engine-wide default, dunwell.history.time-to-live").isEqualTo(180);
        Account account = accountWithATimelineAnOutboxMessageAndANote();
        Map<String, Long> dunwellRecords = dunwellRecordsOf(account);

        String old = runtime.startProcessInstanceById(probe.getId()).getId();
        clock.advance(Duration.ofDays(100));
        String young = runtime.startProcessInstanceById(probe.getId()).getId();
        clock.advance(Duration.ofDays(81));

        cleanUpUntilGone(old);

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).count()).as("ended 181 days ago").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(old).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(young).count()).as("ended 81 days ago").isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(young).count()).isPositive();
        assertThat(dunwellRecordsOf(account)).isEqualTo(dunwellRecords);
    }

    private ProcessDefinition deployModelWithoutATimeToLive() {
        String key = "HistoryProbeProcess" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String deployment = repository.createDeployment().name("history cleanup test")
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).startEvent().endEvent().done())
                .deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    private Account accountWithATimelineAnOutboxMessageAndANote() {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Kept Records Ltd",
                "ap-" + UUID.randomUUID() + "@customer.example", null, "en-GB", "Europe/London", "GBP", null)).account();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            timeline.append(account.getId(), "CALL_LOGGED", "Called the customer", null);
            notifications.enqueue(account.getId(), "reminder-1", "history-cleanup:" + account.getExternalId());
        });
        notes.add(notes.ofAccount(account.getExternalId()), "alice", "Promised to pay next week", null, List.of());
        return account;
    }

    private Map<String, Long> dunwellRecordsOf(Account account) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("timeline_entry", "outbox_message", "note")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table + " where account_id = ?", Long.class, account.getId()));
        }
        assertThat(counts.values()).as("records of each kind").allMatch(count -> count > 0);
        return counts;
    }

    /** The cleanup job removes a batch per run and is run again, as the job executor would, until the old instance is gone. */
    private void cleanUpUntilGone(String processInstanceId) {
        Job cleanup = history.cleanUpHistoryAsync(true);
        for (int run = 0; run < MAX_CLEANUP_RUNS
                && history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0; run++) {
            management.executeJob(cleanup.getId());
        }
    }
}
