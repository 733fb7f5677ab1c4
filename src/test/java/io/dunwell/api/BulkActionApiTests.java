package io.dunwell.api;

import static io.dunwell.api.DunwellApi.CONFLICT;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.Mailbox;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.notification.DevelopmentChannelProvider;
import io.dunwell.notification.Notifications;
import io.dunwell.notification.OutboxSweep;
import io.dunwell.system.SharedClock;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/** POST /api/v1/bulk-actions: every action, preview then confirm, retries, refusals and roles. */
@DunwellIntegrationTest
class BulkActionApiTests {

    static final String AGENT = "bulkagent";
    static final String SUPERVISOR = "bulksupervisor";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    Notifications notifications;
    @Autowired
    DevelopmentChannelProvider developmentProvider;
    @Autowired
    SharedClock clock;
    @Autowired
    DunningCases cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    OutboxSweep sweep;

    DunwellApi api;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, SUPERVISOR, Roles.SUPERVISORS_GROUP);
        api = new DunwellApi(mvc);
        today = api.today();
    }

    // --- fees ---------------------------------------------------------------------------------

    @Test
    void feePreviewShowsTheAmountPerAccountAndChangesNothing() throws Exception {
        String a = accountOwing("100.00", "33.33");
        String b = accountOwing("80.00");
        String before = api.state(a) + api.state(b);

        JsonNode preview = read(bulk(SUPERVISOR, null, fees(List.of(a, b), "percentOfBalance", "2.5", true, null))
                .andExpect(status().isOk()));

        assertThat(preview.get("preview").asBoolean()).isTrue();
        assertThat(preview.get("previewToken").asText()).isNotBlank();
        assertThat(preview.at("/accounts/0/status").asText()).isEqualTo("PLANNED");
        assertThat(preview.at("/accounts/0/amount").decimalValue()).isEqualByComparingTo("3.33"); // 3.33325 HALF_UP
        assertThat(preview.at("/accounts/1/amount").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(api.state(a) + api.state(b)).isEqualTo(before);
    }

    @Test
    void confirmedFeesAreTheAmountsThePreviewShowedOnNewFeeInvoices() throws Exception {
        String a = accountOwing("100.00", "33.33");
        String token = read(bulk(SUPERVISOR, null, fees(List.of(a), "percentOfBalance", "2.5", true, null))).get("previewToken").asText();

        JsonNode done = read(bulk(SUPERVISOR, key(), fees(List.of(a), "percentOfBalance", "2.5", false, token))
                .andExpect(status().isOk()));

        assertThat(done.at("/accounts/0/status").asText()).isEqualTo("DONE");
        assertThat(done.at("/accounts/0/amount").decimalValue()).isEqualByComparingTo("3.33");
        JsonNode feeInvoice = api.invoice(done.at("/accounts/0/reference").asText());
        assertThat(feeInvoice.get("amount").asText()).isEqualTo("3.33");
        assertThat(api.account(a).get("balance").asText()).isEqualTo("136.66");
        assertThat(types(a)).contains("INVOICE_ISSUED", "BULK_ACTION");
    }

    @Test
    void aRetriedFeeRequestReturnsTheStoredResultAndChargesOnce() throws Exception {
        String a = accountOwing("200.00");
        String key = key();
        String body = fees(List.of(a), "fixed", "15.00", false, null);
        JsonNode first = read(bulk(SUPERVISOR, key, body).andExpect(status().isOk()));

        JsonNode retried = read(bulk(SUPERVISOR, key, body).andExpect(status().isOk()));

        assertThat(retried.get("replayed").asBoolean()).isTrue();
        assertThat(retried.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(retried.get("accounts")).isEqualTo(first.get("accounts"));
        assertThat(api.account(a).get("balance").asText()).isEqualTo("215.00");
        bulk(SUPERVISOR, key, fees(List.of(a), "fixed", "16.00", false, null)).andExpect(problem(409, CONFLICT));
        assertThat(api.account(a).get("balance").asText()).isEqualTo("215.00");
    }

    @Test
    void feesCountOnlyTheInvoicesThatExistedOnTheAsOfDate() throws Exception {
        String a = api.newAccount("EUR");
        api.newInvoice(a, "EUR", "100.00", today.minusDays(20)); // issued 50 days ago
        api.newInvoice(a, "EUR", "40.00", today.plusDays(10)); // issued 20 days ago

        JsonNode preview = read(bulk(SUPERVISOR, null, """
                {"action": "fees", "accountIds": ["%s"], "asOf": "%s", "preview": true,
                 "parameters": {"basis": "percentOfInvoiceTotal", "percent": "10"}}""".formatted(a, today.minusDays(30))));

        assertThat(preview.at("/accounts/0/amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(read(bulk(SUPERVISOR, null, fees(List.of(a), "percentOfInvoiceTotal", "10", true, null)))
                .at("/accounts/0/amount").decimalValue()).isEqualByComparingTo("14.00");
    }

    @Test
    void aConfirmThatWouldNoLongerDoWhatThePreviewShowedIsRefused() throws Exception {
        String a = accountOwing("100.00");
        String token = read(bulk(SUPERVISOR, null, fees(List.of(a), "percentOfBalance", "10", true, null))).get("previewToken").asText();
        api.newInvoice(a, "EUR", "50.00", today.minusDays(3));
        String before = api.state(a);

        bulk(SUPERVISOR, key(), fees(List.of(a), "percentOfBalance", "10", false, token)).andExpect(problem(409, CONFLICT));

        assertThat(api.state(a)).isEqualTo(before);
    }

    @Test
    void aBadFeeParameterIsRefusedWithTheFieldAndChangesNothing() throws Exception {
        String a = accountOwing("100.00");
        String before = api.state(a);

        bulk(SUPERVISOR, key(), fees(List.of(a), "percentOfBalance", "a lot", false, null))
                .andExpect(problem(400, VALIDATION, "parameters.percent"));
        bulk(SUPERVISOR, key(), fees(List.of(a), "fixed", "1.234", false, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accounts[0].status").value("FAILED"));

        assertThat(api.state(a)).isEqualTo(before);
    }

    @Test
    void anAgentMayNotMoveMoneyButMayFlag() throws Exception {
        String a = accountOwing("100.00");
        String before = api.state(a);

        for (String action : List.of(fees(List.of(a), "fixed", "5", false, null), simple("writeOff", a, "{}"),
                simple("freeze", a, "{\"reason\": \"fraud check\"}"), simple("placeWithAgency", a, "{\"agency\": \"Acme\"}"),
                simple("freezeRollback", a, "{}"), simple("placementFile", a, "{}"))) {
            bulk(AGENT, key(), action).andExpect(problem(403, "urn:dunwell:problem:forbidden"));
        }
        assertThat(api.state(a)).isEqualTo(before);
        bulk(AGENT, key(), simple("flags", a, "{\"add\": [\"VIP\"]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accounts[0].status").value("DONE"));
    }

    @Test
    void aRealRunNeedsAnIdempotencyKey() throws Exception {
        String a = accountOwing("100.00");

        bulk(SUPERVISOR, null, simple("stage", a, "{\"stage\": \"PENDING\"}"))
                .andExpect(problem(400, VALIDATION, "Idempotency-Key"));

        assertThat(api.account(a).get("collectionStage").asText()).isEqualTo("NOT_SET");
    }

    // --- write-off, agency, freeze ------------------------------------------------------------

    @Test
    void writeOffBooksACreditNoteEqualToTheBalanceOnceEvenWhenRetried() throws Exception {
        String a = accountOwing("120.00", "30.50");
        String key = key();
        String body = simple("writeOff", a, "{\"reason\": \"uncollectible\"}");

        JsonNode done = read(bulk(SUPERVISOR, key, body).andExpect(status().isOk()));
        bulk(SUPERVISOR, key, body).andExpect(jsonPath("$.replayed").value(true));

        assertThat(done.at("/accounts/0/status").asText()).isEqualTo("DONE");
        assertThat(done.at("/accounts/0/amount").decimalValue()).isEqualByComparingTo("150.50");
        JsonNode account = api.account(a);
        assertThat(account.get("balance").asText()).isEqualTo("0.00");
        assertThat(account.get("collectionStatus").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(types(a).stream().filter("CREDIT_NOTE_BOOKED"::equals).count()).isEqualTo(1);
        assertThat(types(a)).contains("WRITTEN_OFF", "BULK_ACTION");
        assertThat(read(bulk(SUPERVISOR, key(), body)).at("/accounts/0/status").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void writeOffEndsTheActiveDunningCaseAndItsProcess() throws Exception {
        String a = accountOwing("300.00");
        Long accountId = accountId(a);
        Long caseId = cases.open(accountId).orElseThrow().getId();
        ProcessInstance pi = runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY).businessKey(a)
                .setVariable(DunningCaseVariables.ACCOUNT_ID, accountId).setVariable(DunningCaseVariables.CASE_ID, caseId)
                .startBeforeActivity("Task_PrepareCall").execute();
        cases.attachProcess(caseId, pi.getId());

        bulk(SUPERVISOR, key(), simple("writeOff", a, "{}")).andExpect(jsonPath("$.accounts[0].status").value("DONE"));

        assertThat(cases.activeFor(accountId)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(types(a)).contains("DUNNING_CASE_CLOSED");
    }

    @Test
    void placingWithAnAgencyRecordsThePlacementAndExportsOneRowPerAccount() throws Exception {
        String a = accountOwing("100.00", "20.00");
        String b = accountOwing("70.00");

        JsonNode done = read(bulk(SUPERVISOR, key(), """
                {"action": "placeWithAgency", "accountIds": ["%s", "%s"], "parameters": {"agency": "Acme Collect"}}"""
                .formatted(a, b)).andExpect(status().isOk()));

        assertThat(api.account(a).get("collectionStatus").asText()).isEqualTo("WITH_AGENCY");
        assertThat(read(api.get("/api/v1/agency-placements?accountId=" + b))).hasSize(1);
        List<CSVRecord> rows = csv(file(done));
        assertThat(rows).extracting(r -> r.get("customer_number")).containsExactly(a, b);
        assertThat(rows.get(0).get("open_balance")).isEqualTo("120.00");
        assertThat(rows.get(0).get("open_item_count")).isEqualTo("2");
        assertThat(rows.get(0).get("open_items")).contains("100.00").contains("20.00");
    }

    @Test
    void placementFileListsTheOpenItemsWithoutPlacing() throws Exception {
        String a = accountOwing("55.00");

        JsonNode done = read(bulk(SUPERVISOR, key(), simple("placementFile", a, "{}")).andExpect(status().isOk()));

        assertThat(csv(file(done)).get(0).get("open_balance")).isEqualTo("55.00");
        assertThat(api.account(a).get("collectionStatus").asText()).isNotEqualTo("WITH_AGENCY");
    }

    @Test
    void aFreezeIsRolledBackToWhatItFound() throws Exception {
        String a = accountOwing("100.00");

        bulk(SUPERVISOR, key(), simple("freeze", a, "{\"reason\": \"insolvency\", \"note\": \"court letter\"}"))
                .andExpect(jsonPath("$.accounts[0].status").value("DONE"));
        assertThat(api.account(a).get("frozen").asBoolean()).isTrue();
        bulk(SUPERVISOR, key(), simple("freeze", a, "{\"reason\": \"again\"}")).andExpect(jsonPath("$.accounts[0].status").value("SKIPPED"));

        bulk(SUPERVISOR, key(), simple("freezeRollback", a, "{}")).andExpect(jsonPath("$.accounts[0].status").value("DONE"));

        assertThat(api.account(a).get("frozen").asBoolean()).isFalse();
        assertThat(types(a)).contains("ACCOUNT_FROZEN", "FREEZE_ROLLED_BACK");
        bulk(SUPERVISOR, key(), simple("freeze", a, "{}")).andExpect(problem(400, VALIDATION, "parameters.reason"));
    }

    // --- flags, stage, exports ----------------------------------------------------------------

    @Test
    void flagsAreAddedAndRemovedAndAnUnchangedAccountIsSkipped() throws Exception {
        String a = accountOwing("10.00");
        bulk(AGENT, key(), simple("flags", a, "{\"add\": [\"VIP\", \"legal\"]}")).andExpect(status().isOk());

        bulk(AGENT, key(), simple("flags", a, "{\"add\": \"priority\", \"remove\": [\"legal\"]}"))
                .andExpect(jsonPath("$.accounts[0].status").value("DONE"));

        assertThat(api.account(a).get("flags")).extracting(JsonNode::asText).containsExactlyInAnyOrder("VIP", "priority");
        bulk(AGENT, key(), simple("flags", a, "{\"add\": [\"VIP\"]}")).andExpect(jsonPath("$.accounts[0].status").value("SKIPPED"));
        bulk(AGENT, key(), simple("flags", a, "{\"add\": [\"=cmd\"]}")).andExpect(problem(400, VALIDATION, "parameters.add"));
    }

    @Test
    void stageIsSetAndABadStageIsRefused() throws Exception {
        String a = accountOwing("10.00");

        bulk(AGENT, key(), simple("stage", a, "{\"stage\": \"SENT\"}")).andExpect(jsonPath("$.accounts[0].status").value("DONE"));
        bulk(AGENT, key(), simple("stage", a, "{\"stage\": \"LOST\"}")).andExpect(problem(400, VALIDATION, "parameters.stage"));

        assertThat(api.account(a).get("collectionStage").asText()).isEqualTo("SENT");
        assertThat(types(a)).contains("STAGE_CHANGED");
    }

    @Test
    void csvExportReadsBackWithBalancesAsOfTheDateAndNeutralisedFormulas() throws Exception {
        String a = uniqueId("ACC");
        api.put("/api/v1/accounts/" + a, DunwellApi.accountJson("=HYPERLINK(\\\"http://evil\\\")", "EUR", "UTC"))
                .andExpect(status().isCreated());
        api.newInvoice(a, "EUR", "100.00", today.minusDays(40)); // issued 70 days ago
        api.newInvoice(a, "EUR", "40.00", today.plusDays(10)); // issued 20 days ago: not yet on the as-of date

        JsonNode done = read(bulk(AGENT, key(), """
                {"action": "export", "accountIds": ["%s"], "asOf": "%s", "parameters": {"format": "csv"}}"""
                .formatted(a, today.minusDays(30))).andExpect(status().isOk()));

        CSVRecord row = csv(file(done)).get(0);
        assertThat(row.get("account_id")).isEqualTo(a);
        assertThat(row.get("name")).startsWith("'=HYPERLINK");
        assertThat(row.get("balance")).isEqualTo("100.00");
        assertThat(row.get("days_past_due")).isEqualTo("10");
    }

    @Test
    void xlsxExportReadsBackWithPoi() throws Exception {
        String a = accountOwing("100.00", "33.33");
        String b = accountOwing("5.00");

        JsonNode done = read(bulk(AGENT, key(), """
                {"action": "export", "accountIds": ["%s", "%s"], "parameters": {"format": "xlsx"}}""".formatted(a, b)));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file(done)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("account_id");
            List<String> ids = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    ids.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(ids).containsExactly(a, b);
            assertThat(sheet.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(133.33);
        }
    }

    @Test
    void aFilterSelectsTheAccountsTheAccountsPageWouldList() throws Exception {
        String name = "Filtered " + UUID.randomUUID();
        String a = uniqueId("ACC");
        api.put("/api/v1/accounts/" + a, DunwellApi.accountJson(name, "EUR", "UTC")).andExpect(status().isCreated());
        api.newInvoice(a, "EUR", "100.00", today.minusDays(20));

        JsonNode preview = read(bulk(AGENT, null, """
                {"action": "stage", "filter": {"q": "%s", "minDays": 0}, "preview": true, "parameters": {"stage": "PENDING"}}"""
                .formatted(name)).andExpect(status().isOk()));

        assertThat(preview.get("accounts")).hasSize(1);
        assertThat(preview.at("/accounts/0/accountId").asText()).isEqualTo(a);
    }

    // --- messages -----------------------------------------------------------------------------

    @Test
    void anEmailGoesThroughTheOutboxWithItsPlaceholdersFilledIn() throws Exception {
        String a = accountOwing("100.00");

        bulk(AGENT, key(), """
                {"action": "message", "accountIds": ["%s"], "parameters": {"channel": "EMAIL",
                 "subject": "Account {{accountId}}", "text": "Dear {{name}}, please pay {{balance}}."}}""".formatted(a))
                .andExpect(jsonPath("$.accounts[0].status").value("DONE"));

        JsonNode message = read(api.get("/api/v1/messages?accountId=" + a)).get(0);
        assertThat(message.get("template").asText()).isEqualTo("bulk-message");
        assertThat(message.get("subject").asText()).isEqualTo("Account " + a);
    }

    @Test
    void anSmsOverTheLimitRefusesTheWholeRequestBeforeAnythingIsSent() throws Exception {
        String a = accountOwing("100.00");
        String b = accountOwing("5.00");
        String before = api.state(a) + api.state(b);

        bulk(AGENT, key(), sms(List.of(a, b), "x".repeat(134) + " {{balance}}", "")).andExpect(problem(400, VALIDATION, "parameters.text"));

        assertThat(api.state(a) + api.state(b)).isEqualTo(before);
    }

    @Test
    void smsRespectsContactPreferencesUnlessOverridden() throws Exception {
        String a = accountOwing("100.00");
        api.put("/api/v1/accounts/" + a, DunwellApi.accountJson("Test Customer", "EUR", "UTC")
                .replace("}", ", \"contactPreferences\": {\"doNotSms\": true}}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.contactPreferences.doNotSms").value(true));

        bulk(AGENT, key(), sms(List.of(a), "Please pay {{balance}}", "")).andExpect(jsonPath("$.accounts[0].status").value("SKIPPED"));
        bulk(AGENT, key(), sms(List.of(a), "Please pay {{balance}}", ", \"overridePreferences\": true, \"overrideRateLimit\": true"))
                .andExpect(jsonPath("$.accounts[0].status").value("DONE"));

        sweep.sendDue();
        assertThat(developmentProvider.deliveries(500)).anySatisfy(d -> assertThat(d.body()).startsWith("Please pay"));
        assertThat(notifications.messagesOf(accountId(a))).singleElement().satisfies(m -> assertThat(m.getStatus()).isEqualTo("SENT"));
    }

    @Test
    void theRateLimitQueuesMessagesForALaterMinuteAndTheSenderSendsThemWhenTheClockGetsThere() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            ids.add(api.newAccount("EUR"));
        }
        try {
            // at the start of a minute: had the next one begun in real time before the sender's first round, it would send all
            Instant now = clock.instant();
            clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofSeconds(61))));
            read(bulk(AGENT, key(), sms(ids, "Hello {{name}}", "")).andExpect(status().isOk()));
            var first = notifications.messagesOf(accountId(ids.get(0))).get(0);
            var last = notifications.messagesOf(accountId(ids.get(60))).get(0);
            assertThat(last.getNotBefore()).isAfter(first.getNotBefore()); // 61 > 60 per minute: the last waits

            sweep.sendDue();
            assertThat(notifications.messagesOf(accountId(ids.get(60))).get(0).getStatus()).isEqualTo("PENDING");
            clock.advance(Duration.between(clock.instant(), last.getNotBefore()).plusSeconds(1));
            sweep.sendDue();

            assertThat(notifications.messagesOf(accountId(ids.get(60))).get(0).getStatus()).isEqualTo("SENT");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aBulkEmailKeepsToThePerMinuteLimitAndTheOutboxSendsTheRestInALaterMinute() throws Exception {
        Mailbox mailbox = Mailbox.start();
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 61; i++) {
                ids.add(api.newAccount("EUR"));
            }
            // at the start of a minute, so the first slot is not over before the outbox's round below
            Instant now = clock.instant();
            clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofSeconds(61))));
            read(bulk(AGENT, key(), email(ids, "")).andExpect(status().isOk()));
            List<JsonNode> queued = new ArrayList<>();
            for (String id : ids) {
                queued.add(read(api.get("/api/v1/messages?accountId=" + id)).get(0));
            }
            Instant first = Instant.parse(queued.get(0).get("notBefore").asText());
            Instant last = Instant.parse(queued.get(60).get("notBefore").asText());
            assertThat(last).isAfter(first); // 61 > 60 per minute: the last waits for a later minute
            assertThat(queued.stream().map(m -> Instant.parse(m.get("notBefore").asText()).truncatedTo(ChronoUnit.MINUTES))
                    .collect(Collectors.groupingBy(minute -> minute, Collectors.counting())).values()).allMatch(n -> n <= 60);
            assertThat(queued).allMatch(m -> m.get("status").asText().equals("PENDING"));

            sweep.sendDue();
            assertThat(message(ids.get(0)).get("status").asText()).isEqualTo("SENT");
            assertThat(message(ids.get(60)).get("status").asText()).isEqualTo("PENDING");
            assertThat(message(ids.get(60)).get("attempts").asInt()).isZero();

            clock.advance(Duration.between(clock.instant(), last).plusSeconds(1));
            sweep.sendDue();
            assertThat(message(ids.get(60)).get("status").asText()).isEqualTo("SENT");
        } finally {
            mailbox.stop();
            clock.reset();
        }
    }

    @Test
    void aBulkEmailThatOverridesTheLimitIsSentInTheNextRound() throws Exception {
        String a = accountOwing("100.00");

        read(bulk(AGENT, key(), email(List.of(a), ", \"overrideRateLimit\": true")).andExpect(status().isOk()));

        JsonNode queued = message(a);
        assertThat(queued.has("notBefore")).isFalse();
        assertThat(queued.get("status").asText()).isEqualTo("PENDING");
    }

    // --- helpers ------------------------------------------------------------------------------

    private JsonNode message(String accountId) throws Exception {
        return read(api.get("/api/v1/messages?accountId=" + accountId)).get(0);
    }

    private static String email(List<String> accounts, String more) {
        return ("{\"action\": \"message\", \"accountIds\": %s, \"parameters\": {\"channel\": \"EMAIL\", \"subject\": \"Hello\","
                + " \"text\": \"Dear {{name}}\"%s}}").formatted(ids(accounts), more);
    }

    private ResultActions bulk(String user, String key, String body) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/v1/bulk-actions")
                .with(httpBasic(user, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private JsonNode read(ResultActions result) throws Exception {
        return api.read(result);
    }

    private String accountOwing(String... amounts) throws Exception {
        String id = api.newAccount("EUR");
        for (int i = 0; i < amounts.length; i++) {
            api.newInvoice(id, "EUR", amounts[i], today.minusDays(20 - i));
        }
        return id;
    }

    private static String fees(List<String> accounts, String basis, String value, boolean preview, String token) {
        return """
                {"action": "fees", "accountIds": %s, "preview": %s, %s
                 "parameters": {"basis": "%s", "%s": "%s"}}""".formatted(ids(accounts), preview,
                token == null ? "" : "\"previewToken\": \"" + token + "\",", basis, basis.equals("fixed") ? "amount" : "percent", value);
    }

    private static String simple(String action, String account, String parameters) {
        return "{\"action\": \"%s\", \"accountIds\": [\"%s\"], \"parameters\": %s}".formatted(action, account, parameters);
    }

    private static String sms(List<String> accounts, String text, String more) {
        return "{\"action\": \"message\", \"accountIds\": %s, \"parameters\": {\"channel\": \"SMS\", \"text\": \"%s\"%s}}"
                .formatted(ids(accounts), text, more);
    }

    private static String ids(List<String> accounts) {
        return accounts.stream().map(id -> "\"" + id + "\"").toList().toString();
    }

    private List<String> types(String account) throws Exception {
        List<String> types = new ArrayList<>();
        api.timeline(account).forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private byte[] file(JsonNode done) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/v1/bulk-actions/" + done.get("id").asLong() + "/file")
                .with(httpBasic(SUPERVISOR, TestUsers.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static List<CSVRecord> csv(byte[] file) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file, StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }

    @Autowired
    Accounts accounts;

    private Long accountId(String externalId) {
        return accounts.require(externalId).getId();
    }
}
