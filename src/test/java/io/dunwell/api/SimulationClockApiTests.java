package io.dunwell.api;

import static io.dunwell.api.DunwellApi.MALFORMED;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.accountJson;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;

/**
 * The clock is one for the whole test JVM: these tests only move it forward and never assume
 * its absolute value, computing every expectation from what the API reports.
 */
@DunwellIntegrationTest
class SimulationClockApiTests {

    /** The clock runs on in real time after a move; a request never takes this long. */
    static final Duration SLACK = Duration.ofMinutes(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    DunwellApi api;

    @BeforeEach
    void setUp() {
        api = new DunwellApi(mvc);
    }

    private Instant move(String body) throws Exception {
        return Instant.parse(api.read(api.put("/api/v1/simulation/clock", body).andExpect(status().isOk())).get("now").asText());
    }

    @Test
    void clockIsTheOneTheEngineUses() throws Exception {
        Instant reported = api.clock();

        assertThat(ClockUtil.now().toInstant()).isBetween(reported, reported.plus(SLACK));
    }

    @Test
    void settingNowMovesTheClockTheApiAndTheEngineReport() throws Exception {
        Instant target = api.clock().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

        Instant answered = move("{\"now\": \"" + target + "\"}");

        assertThat(answered).isBetween(target, target.plus(SLACK));
        assertThat(api.clock()).isBetween(target, target.plus(SLACK));
        assertThat(ClockUtil.now().toInstant()).isBetween(target, target.plus(SLACK));
    }

    @Test
    void advanceMovesTheClockOnByADurationOrADayPeriod() throws Exception {
        Instant before = api.clock();

        Instant afterHours = move("{\"advance\": \"PT2H\"}");
        assertThat(afterHours).isBetween(before.plus(Duration.ofHours(2)), before.plus(Duration.ofHours(2)).plus(SLACK));

        Instant afterDay = move("{\"advance\": \"P1D\"}");
        assertThat(afterDay).isBetween(afterHours.plus(Duration.ofDays(1)), afterHours.plus(Duration.ofDays(1)).plus(SLACK));
        assertThat(api.clock()).isBetween(afterDay, afterDay.plus(SLACK));
    }

    @Test
    void timerBecomesDueForTheJobExecutorWhenTheClockPassesIt() throws Exception {
        String key = "ClockTimerTest" + UUID.randomUUID().toString().replace("-", "");
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent().timerWithDuration("P2D").endEvent().done();
        repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        String instance = runtime.startProcessInstanceByKey(key).getId();

        assertThat(management.createJobQuery().processInstanceId(instance).executable().count()).isZero();
        move("{\"advance\": \"P2D\"}");

        Job due = management.createJobQuery().processInstanceId(instance).executable().singleResult();
        assertThat(due).as("the timer's job is due for acquisition").isNotNull();
        management.executeJob(due.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void clockNeverGoesBack() throws Exception {
        Instant before = api.clock();

        api.put("/api/v1/simulation/clock", "{\"now\": \"" + before.minus(Duration.ofDays(1)) + "\"}").andExpect(problem(400, VALIDATION, "now"));
        api.put("/api/v1/simulation/clock", "{\"advance\": \"-PT1H\"}").andExpect(problem(400, VALIDATION, "advance"));
        api.put("/api/v1/simulation/clock", "{\"advance\": \"P-1D\"}").andExpect(problem(400, VALIDATION, "advance"));

        assertThat(api.clock()).isBetween(before, before.plus(SLACK));
    }

    @Test
    void exactlyOneOfNowAndAdvanceMustBeSent() throws Exception {
        Instant before = api.clock();

        api.put("/api/v1/simulation/clock", "{}").andExpect(problem(400, VALIDATION, "now"));
        api.put("/api/v1/simulation/clock", "{\"now\": \"" + before.plus(Duration.ofDays(1)) + "\", \"advance\": \"P1D\"}")
                .andExpect(problem(400, VALIDATION, "now"));

        assertThat(api.clock()).isBetween(before, before.plus(SLACK));
    }

    @Test
    void unreadableTimesAreRefused() throws Exception {
        Instant before = api.clock();

        api.put("/api/v1/simulation/clock", "{\"advance\": \"tomorrow\"}").andExpect(problem(400, VALIDATION, "advance"));
        api.put("/api/v1/simulation/clock", "{\"now\": \"next monday\"}").andExpect(problem(400, MALFORMED, "now"));
        api.put("/api/v1/simulation/clock", "{\"now\": ").andExpect(problem(400, MALFORMED));

        assertThat(api.clock()).isBetween(before, before.plus(SLACK));
    }

    @Test
    void daysPastDueFollowTheMovedClockInTheAccountsTimeZone() throws Exception {
        // noon UTC, so no date boundary is near while the test runs
        Instant noon = api.today().plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        move("{\"now\": \"" + noon + "\"}");
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        String account = uniqueId("ACC");
        api.put("/api/v1/accounts/" + account, accountJson("Kiwi Ltd", "NZD", auckland.getId())).andExpect(status().isCreated());
        LocalDate today = LocalDate.ofInstant(api.clock(), auckland);
        api.newInvoice(account, "NZD", "100.00", today.minusDays(3));
        api.newInvoice(account, "NZD", "40.00", today.plusDays(1));

        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.oldestDaysPastDue").value(3))
                .andExpect(jsonPath("$.overdueBalance").value("100.00"))
                .andExpect(jsonPath("$.balance").value("140.00"));

        move("{\"advance\": \"P1D\"}");
        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.oldestDaysPastDue").value(4))
                .andExpect(jsonPath("$.overdueBalance").value("100.00"));

        move("{\"advance\": \"P1D\"}");
        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.oldestDaysPastDue").value(5))
                .andExpect(jsonPath("$.overdueBalance").value("140.00"));
        assertThat(LocalDate.ofInstant(api.clock(), auckland)).isEqualTo(today.plusDays(2));
    }

    @Test
    void onlyAdminsMayReadOrMoveTheClock() throws Exception {
        String agent = "agent" + UUID.randomUUID().toString().replace("-", "");
        User user = identity.newUser(agent);
        user.setPassword("agent-secret");
        identity.saveUser(user);
        identity.createMembership(agent, "agents");
        Instant before = api.clock();

        mvc.perform(put("/api/v1/simulation/clock").with(httpBasic(agent, "agent-secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"advance\": \"P1D\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/simulation/clock").with(httpBasic(agent, "agent-secret"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/simulation/clock")).andExpect(status().isUnauthorized());

        assertThat(api.clock()).isBetween(before, before.plus(SLACK));
    }
}
