package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.Payments;
import io.dunwell.system.SharedClock;
import io.dunwell.system.security.TestUsers;

/**
 * DunningRunProcess: the scheduled run and the run started through the API open one case per
 * delinquent account and none for anyone else, however often they run.
 */
@DunwellIntegrationTest
class DunningRunProcessTests {

    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired JdbcTemplate jdbc;
    @Autowired SharedClock clock;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired MockMvc mvc;

    Delinquents delinquents;
    CaseJobs jobs;

    @BeforeEach
    void setUp() {
        delinquents = new Delinquents(accounts, invoices, payments, jdbc, clock);
        jobs = new CaseJobs(management);
    }

    @Test
    void scheduledRunOpensACaseForEachDelinquentAccountAndNoOther() {
        Account late = delinquents.overdue(5, "100.00");
        Account notYetDue = delinquents.overdue(-3, "100.00");
        Account exempt = delinquents.overdue(5, "100.00");
        delinquents.exempt(exempt);
        Account frozen = delinquents.overdue(5, "100.00");
        delinquents.freeze(frozen);
        Account paused = delinquents.overdue(5, "100.00");
        delinquents.pauseUntil(paused, paused.today(clock).plusDays(3));
        Account paidUp = delinquents.overdue(5, "0.00");

        Job schedule = management.createJobQuery().processDefinitionKey("DunningRunProcess").timers().singleResult();
        LocalDateTime next = LocalDateTime.ofInstant(schedule.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(next.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(next.toLocalTime()).hasToString("06:00");
        Set<String> before = runIds();
        management.executeJob(schedule.getId());
        String run = newRun(before);
        jobs.runDue(run);

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult().getState()).isEqualTo("COMPLETED");
        assertThat(caseProcessesOf(late)).isOne();
        for (Account account : List.of(notYetDue, exempt, frozen, paused, paidUp)) {
            assertThat(caseProcessesOf(account)).as(account.getExternalId()).isZero();
        }
        assertThat(management.createJobQuery().processDefinitionKey("DunningRunProcess").timers().count())
                .as("the schedule is set for the next run").isOne();
    }

    @Test
    void runStartedTwiceThroughTheApiOpensOneCase() throws Exception {
        TestUsers.ensure(identity, "runintegration", "integrations");
        Account late = delinquents.overdue(9, "100.00");

        for (int i = 0; i < 2; i++) {
            String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/dunning-runs").with(httpBasic("runintegration", TestUsers.PASSWORD)))
                    .andExpect(status().isAccepted()).andExpect(jsonPath("$.partitions").isNumber())
                    .andReturn().getResponse().getContentAsString();
            jobs.runDue(new ObjectMapper().readTree(body).get("id").asText());
        }

        assertThat(caseProcessesOf(late)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from dunning_case where account_id = ?", Integer.class, late.getId())).isOne();
    }

    @Test
    void agentsMayNotStartARun() throws Exception {
        TestUsers.ensure(identity, "runagent", "agents");

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/dunning-runs").with(httpBasic("runagent", TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private long caseProcessesOf(Account account) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("DunningCaseProcess")
                .processInstanceBusinessKey(account.getExternalId()).count();
    }

    private Set<String> runIds() {
        Set<String> ids = new HashSet<>();
        history.createHistoricProcessInstanceQuery().processDefinitionKey("DunningRunProcess").list()
                .forEach(run -> ids.add(run.getId()));
        return ids;
    }

    private String newRun(Set<String> before) {
        List<HistoricProcessInstance> started = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("DunningRunProcess").list().stream().filter(run -> !before.contains(run.getId())).toList();
        assertThat(started).hasSize(1);
        return started.get(0).getId();
    }
}
