package io.dunwell.api;

import static io.dunwell.api.DunwellApi.CONFLICT;
import static io.dunwell.api.DunwellApi.NOT_FOUND;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.bulk.process.MoneyMoveApprovalVariables;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/**
 * Four-eyes money moves through the API: a write-off or fee run above the requester's limits waits,
 * booking nothing, for another approver; destructive actions never run on an empty filter.
 */
@DunwellIntegrationTest
class BulkActionApprovalApiTests {

    static final String SUPERVISOR = "approvalsupervisor";
    static final String OTHER_SUPERVISOR = "approvalsupervisor2";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    DunwellApi api;

    @BeforeEach
    void setUp() throws Exception {
        TestUsers.ensure(identity, SUPERVISOR, Roles.SUPERVISORS_GROUP);
        TestUsers.ensure(identity, OTHER_SUPERVISOR, Roles.SUPERVISORS_GROUP);
        api = new DunwellApi(mvc);
    }

    @Test
    void aSupervisorsWriteOffOf250000EurWaitsForAnAdminAndBooksNothing() throws Exception {
        String a = accountOwing("200000.00", "50000.00");
        String before = api.account(a).toString();

        JsonNode run = read(bulk(SUPERVISOR, key(), writeOff(a)).andExpect(status().isOk()));

        assertThat(run.at("/approval/status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(run.at("/approval/approverGroup").asText()).isEqualTo("camunda-admin");
        assertThat(run.path("completedAt").isMissingNode() || run.path("completedAt").isNull()).isTrue();
        assertThat(run.at("/accounts/0/status").asText()).isEqualTo("PENDING");
        assertThat(run.at("/accounts/0/amount").decimalValue()).isEqualByComparingTo("250000.00");
        assertThat(api.account(a).toString()).isEqualTo(before);
        assertThat(types(a)).doesNotContain("CREDIT_NOTE_BOOKED", "WRITTEN_OFF", "BULK_ACTION");
    }

    @Test
    void aRetryOfARunAwaitingApprovalBooksNothingEither() throws Exception {
        String a = accountOwing("3000.00");
        String key = key();
        bulk(SUPERVISOR, key, writeOff(a)).andExpect(status().isOk());

        JsonNode replayed = read(bulk(SUPERVISOR, key, writeOff(a)).andExpect(status().isOk()));

        assertThat(replayed.get("replayed").asBoolean()).isTrue();
        assertThat(replayed.at("/approval/status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(replayed.at("/approval/approverGroup").asText()).isEqualTo("supervisors");
        assertThat(api.account(a).get("balance").asText()).isEqualTo("3000.00");
    }

    @Test
    void aWriteOffWithinTheSupervisorsOwnLimitBooksAtOnce() throws Exception {
        String a = accountOwing("400.00", "500.00");

        JsonNode run = read(bulk(SUPERVISOR, key(), writeOff(a)).andExpect(status().isOk()));

        assertThat(run.path("approval").isMissingNode() || run.path("approval").isNull()).isTrue();
        assertThat(run.at("/accounts/0/status").asText()).isEqualTo("DONE");
        assertThat(api.account(a).get("balance").asText()).isEqualTo("0.00");
        approve(ADMIN, ADMIN_PASSWORD, run, true).andExpect(problem(409, CONFLICT));
    }

    @Test
    void aRunWhoseTotalIsAboveTheSupervisorsLimitWaitsThoughEachAccountIsWithin() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            accounts.add(accountOwing("950.00"));
        }

        JsonNode run = read(bulk(SUPERVISOR, key(), """
                {"action": "writeOff", "accountIds": %s}""".formatted(ids(accounts))).andExpect(status().isOk()));

        assertThat(run.at("/approval/approverGroup").asText()).isEqualTo("supervisors");
        assertThat(api.account(accounts.get(0)).get("balance").asText()).isEqualTo("950.00");
    }

    @Test
    void feesAboveTheSupervisorsLimitWaitForApproval() throws Exception {
        String a = accountOwing("1000.00");

        JsonNode run = read(bulk(SUPERVISOR, key(), """
                {"action": "fees", "accountIds": ["%s"], "parameters": {"basis": "fixed", "amount": "150.00"}}""".formatted(a))
                .andExpect(status().isOk()));

        assertThat(run.at("/approval/status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(run.at("/approval/approverGroup").asText()).isEqualTo("supervisors");
        assertThat(api.account(a).get("balance").asText()).isEqualTo("1000.00");
    }

    @Test
    void destructiveActionsWithAnEmptyFilterAreRefused() throws Exception {
        for (String action : List.of("writeOff", "fees", "freeze", "placeWithAgency", "freezeRollback")) {
            bulk(SUPERVISOR, key(), """
                    {"action": "%s", "filter": {}, "parameters": {"basis": "fixed", "amount": "1.00", "reason": "x", "agency": "A"}}"""
                    .formatted(action)).andExpect(problem(400, VALIDATION, "filter"));
        }
        bulk(SUPERVISOR, key(), """
                {"action": "writeOff", "accountIds": [], "filter": {"assigned": "all", "sort": "balance"}}""")
                .andExpect(problem(400, VALIDATION, "filter"));
    }

    @Test
    void theRequesterMayNotApproveTheirOwnRun() throws Exception {
        String a = accountOwing("3000.00");
        JsonNode run = read(bulk(SUPERVISOR, key(), writeOff(a)));

        approve(SUPERVISOR, TestUsers.PASSWORD, run, true).andExpect(problem(403, "urn:dunwell:problem:forbidden"));
        approve(SUPERVISOR, TestUsers.PASSWORD, run, false).andExpect(status().isForbidden());

        assertThat(runOf(run).at("/approval/status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(api.account(a).get("balance").asText()).isEqualTo("3000.00");
    }

    @Test
    void aSupervisorMayNotApproveWhatNeedsAnAdmin() throws Exception {
        String a = accountOwing("250000.00");
        JsonNode run = read(bulk(SUPERVISOR, key(), writeOff(a)));

        approve(OTHER_SUPERVISOR, TestUsers.PASSWORD, run, true).andExpect(status().isForbidden());

        assertThat(api.account(a).get("balance").asText()).isEqualTo("250000.00");
    }

    @Test
    void anAdminsApprovalBooksTheRunOnceAndClosesTheInvoices() throws Exception {
        String a = api.newAccount("EUR");
        String first = api.newInvoice(a, "EUR", "200000.00", api.today().minusDays(60));
        String second = api.newInvoice(a, "EUR", "50000.00", api.today().minusDays(40));
        JsonNode run = read(bulk(SUPERVISOR, key(), writeOff(a)));

        JsonNode done = read(approve(ADMIN, ADMIN_PASSWORD, run, true).andExpect(status().isOk()));
        approve(ADMIN, ADMIN_PASSWORD, run, true).andExpect(problem(409, CONFLICT));
        runTheApprovalJob(run);

        assertThat(done.at("/approval/status").asText()).isEqualTo("APPROVED");
        assertThat(done.at("/approval/decidedBy").asText()).isEqualTo(ADMIN);
        assertThat(done.at("/accounts/0/status").asText()).isEqualTo("DONE");
        assertThat(done.at("/accounts/0/amount").decimalValue()).isEqualByComparingTo("250000.00");
        JsonNode account = api.account(a);
        assertThat(account.get("balance").asText()).isEqualTo("0.00");
        assertThat(account.get("unappliedCredit").asText()).isEqualTo("0.00");
        assertThat(account.get("collectionStatus").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(api.invoice(first).get("status").asText()).isEqualTo("PAID");
        assertThat(api.invoice(second).get("status").asText()).isEqualTo("PAID");
        assertThat(types(a).stream().filter("CREDIT_NOTE_BOOKED"::equals).count()).isEqualTo(1);
        assertThat(summaries(a)).anyMatch(s -> s.startsWith("Bulk action writeOff by " + SUPERVISOR + ", approved by " + ADMIN));
    }

    @Test
    void aWriteOffAppliesTheCreditTheAccountHeldSoNoInvoiceStaysOpenBesideIt() throws Exception {
        String a = api.newAccount("EUR");
        api.post("/api/v1/payments", DunwellApi.paymentJson(DunwellApi.uniqueId("PAY"), a, "EUR", "150.00", null))
                .andExpect(status().isCreated());
        String invoice = api.newInvoice(a, "EUR", "500.00", api.today().minusDays(40));
        assertThat(api.account(a).get("unappliedCredit").asText()).isEqualTo("150.00");

        JsonNode run = read(bulk(SUPERVISOR, key(), writeOff(a)).andExpect(status().isOk()));

        assertThat(run.at("/accounts/0/amount").decimalValue()).isEqualByComparingTo("350.00");
        JsonNode account = api.account(a);
        assertThat(account.get("balance").asText()).isEqualTo("0.00");
        assertThat(account.get("unappliedCredit").asText()).isEqualTo("0.00");
        assertThat(api.invoice(invoice).get("status").asText()).isEqualTo("PAID");
        assertThat(types(a)).containsSubsequence("CREDIT_APPLIED", "CREDIT_NOTE_BOOKED", "WRITTEN_OFF");
    }

    @Test
    void anotherSupervisorsRejectionBooksNothing() throws Exception {
        String a = accountOwing("3000.00");
        JsonNode run = read(bulk(SUPERVISOR, key(), writeOff(a)));

        JsonNode rejected = read(approve(OTHER_SUPERVISOR, TestUsers.PASSWORD, run, false).andExpect(status().isOk()));

        assertThat(rejected.at("/approval/status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/approval/note").asText()).isEqualTo("checked");
        assertThat(rejected.at("/accounts/0/status").asText()).isEqualTo("SKIPPED");
        assertThat(api.account(a).get("balance").asText()).isEqualTo("3000.00");
        approve(ADMIN, ADMIN_PASSWORD, run, true).andExpect(problem(409, CONFLICT));
        assertThat(types(a)).doesNotContain("CREDIT_NOTE_BOOKED");
    }

    @Test
    void anUnknownRunIsNotFound() throws Exception {
        api.get("/api/v1/bulk-actions/987654321").andExpect(problem(404, NOT_FOUND));
        api.get("/api/v1/bulk-actions/987654321/file").andExpect(problem(404, NOT_FOUND));
        approve(ADMIN, ADMIN_PASSWORD, 987654321L, true).andExpect(problem(404, NOT_FOUND));
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The approval's booking job finds the run done by the API's approval and books nothing more. */
    private void runTheApprovalJob(JsonNode run) {
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(MoneyMoveApprovalVariables.businessKeyOf(run.get("id").asLong())).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        management.executeJob(job.getId());
    }

    private JsonNode runOf(JsonNode run) throws Exception {
        return read(api.get("/api/v1/bulk-actions/" + run.get("id").asLong()).andExpect(status().isOk()));
    }

    private ResultActions approve(String user, String password, JsonNode run, boolean approve) throws Exception {
        return approve(user, password, run.get("id").asLong(), approve);
    }

    private ResultActions approve(String user, String password, Long runId, boolean approve) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/bulk-actions/" + runId + "/approval")
                .with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"approve\": %s, \"note\": \"checked\"}".formatted(approve)));
    }

    private ResultActions bulk(String user, String key, String body) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/v1/bulk-actions")
                .with(httpBasic(user, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(request.header("Idempotency-Key", key));
    }

    private static String writeOff(String account) {
        return "{\"action\": \"writeOff\", \"accountIds\": [\"%s\"], \"parameters\": {\"reason\": \"uncollectible\"}}".formatted(account);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String ids(List<String> accounts) {
        return accounts.stream().map(id -> "\"" + id + "\"").toList().toString();
    }

    private JsonNode read(ResultActions result) throws Exception {
        return api.read(result);
    }

    private String accountOwing(String... amounts) throws Exception {
        String id = api.newAccount("EUR");
        for (int i = 0; i < amounts.length; i++) {
            api.newInvoice(id, "EUR", amounts[i], api.today().minusDays(20 - i));
        }
        return id;
    }

    private List<String> types(String account) throws Exception {
        List<String> types = new ArrayList<>();
        api.timeline(account).forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private List<String> summaries(String account) throws Exception {
        List<String> summaries = new ArrayList<>();
        api.timeline(account).forEach(entry -> summaries.add(entry.get("summary").asText()));
        return summaries;
    }
}
