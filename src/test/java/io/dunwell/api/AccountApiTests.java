package io.dunwell.api;

import static io.dunwell.api.DunwellApi.MALFORMED;
import static io.dunwell.api.DunwellApi.NOT_FOUND;
import static io.dunwell.api.DunwellApi.TOO_LARGE;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.CONFLICT;
import static io.dunwell.api.DunwellApi.accountJson;
import static io.dunwell.api.DunwellApi.paymentJson;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import io.dunwell.DunwellIntegrationTest;

@DunwellIntegrationTest
class AccountApiTests {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    DunwellApi api;

    @BeforeEach
    void setUp() {
        api = new DunwellApi(mvc);
    }

    @Test
    void newAccountIsCreatedWith201AndOwesNothing() throws Exception {
        String id = uniqueId("ACC");

        api.put("/api/v1/accounts/" + id, accountJson("ACME GmbH", "EUR", "Europe/Berlin"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.externalId").value(id))
                .andExpect(jsonPath("$.name").value("ACME GmbH"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.balance").value("0.00"))
                .andExpect(jsonPath("$.collectionStatus").value("GOOD_STANDING"));

        JsonNode account = api.account(id);
        assertThat(account.get("name").asText()).isEqualTo("ACME GmbH");
        assertThat(account.get("email").asText()).isEqualTo("ap@customer.example");
        assertThat(account.get("locale").asText()).isEqualTo("de-DE");
        assertThat(account.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(account.get("segment").asText()).isEqualTo("smb");
        assertThat(account.get("balance").asText()).isEqualTo("0.00");
        assertThat(account.get("overdueBalance").asText()).isEqualTo("0.00");
        assertThat(account.get("unappliedCredit").asText()).isEqualTo("0.00");
        assertThat(account.get("openInvoiceCount").asInt()).isZero();
        assertThat(account.has("oldestUnpaidDueDate")).isFalse();
        assertThat(account.get("oldestDaysPastDue").asLong()).isZero();
        assertThat(api.timeline(id)).extracting(entry -> entry.get("type").asText()).containsExactly("ACCOUNT_CREATED");
    }

    @Test
    void changedDetailsUpdateTheAccountWith200AndLandInTheTimeline() throws Exception {
        String id = api.newAccount("EUR");

        api.put("/api/v1/accounts/" + id, accountJson("Renamed Ltd", "EUR", "UTC"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed Ltd"));

        assertThat(api.account(id).get("name").asText()).isEqualTo("Renamed Ltd");
        assertThat(api.timeline(id)).extracting(entry -> entry.get("type").asText())
                .containsExactly("ACCOUNT_CREATED", "ACCOUNT_UPDATED");
    }

    @Test
    void replayedAccountReturns200AndChangesNothing() throws Exception {
        String id = api.newAccount("EUR");
        String before = api.state(id);

        for (int i = 0; i < 3; i++) {
            api.put("/api/v1/accounts/" + id, accountJson("Test Customer", "EUR", "UTC")).andExpect(status().isOk());
        }

        assertThat(api.state(id)).isEqualTo(before);
    }

    @Test
    void accountShowsBalanceOverdueBalanceAndOldestDaysPastDue() throws Exception {
        String id = api.newAccount("EUR");
        LocalDate today = api.today();
        api.newInvoice(id, "EUR", "100.00", today.minusDays(12));
        api.newInvoice(id, "EUR", "50.50", today.minusDays(3));
        api.newInvoice(id, "EUR", "20.00", today.plusDays(10));

        api.get("/api/v1/accounts/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value("170.50"))
                .andExpect(jsonPath("$.overdueBalance").value("150.50"))
                .andExpect(jsonPath("$.openInvoiceCount").value(3))
                .andExpect(jsonPath("$.oldestUnpaidDueDate").value(today.minusDays(12).toString()))
                .andExpect(jsonPath("$.oldestDaysPastDue").value(12));
    }

    @Test
    void timelineListsWhatHappenedOldestFirst() throws Exception {
        String id = api.newAccount("EUR");
        String invoice = api.newInvoice(id, "EUR", "100.00", api.today().minusDays(5));
        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), id, "EUR", "40.00", null)).andExpect(status().isCreated());

        JsonNode timeline = api.timeline(id);

        assertThat(timeline).extracting(entry -> entry.get("type").asText())
                .containsExactly("ACCOUNT_CREATED", "INVOICE_ISSUED", "PAYMENT_RECEIVED");
        assertThat(timeline.get(1).get("reference").asText()).isEqualTo(invoice);
        assertThat(timeline.get(2).get("summary").asText()).contains("40.00");
        assertThat(timeline.get(2).get("actor").asText()).isEqualTo("admin");
    }

    @Test
    void unknownAccountIs404() throws Exception {
        String id = uniqueId("ACC");

        api.get("/api/v1/accounts/" + id).andExpect(problem(404, NOT_FOUND));
        api.get("/api/v1/accounts/" + id + "/timeline").andExpect(problem(404, NOT_FOUND));
    }

    @Test
    void invalidDetailsAreRefusedFieldByFieldAndCreateNothing() throws Exception {
        String id = uniqueId("ACC");

        api.put("/api/v1/accounts/" + id, """
                {"name": " ", "email": "not-an-email", "locale": "??", "timeZone": "Mars/Olympus", "currency": "XXY"}""")
                .andExpect(problem(400, VALIDATION, "name", "email", "locale", "timeZone", "currency"));

        api.get("/api/v1/accounts/" + id).andExpect(status().isNotFound());
    }

    @Test
    void valuesLongerThanTheirColumnsAreRefusedAsFieldErrors() throws Exception {
        String id = uniqueId("ACC");

        api.put("/api/v1/accounts/" + id, """
                {"name": "%s", "locale": "en-US-x-%s", "timeZone": "UTC", "currency": "EUR", "segment": "%s"}"""
                .formatted("N".repeat(201), "a1234567".repeat(4), "s".repeat(51)))
                .andExpect(problem(400, VALIDATION, "name", "locale", "segment"));

        api.get("/api/v1/accounts/" + id).andExpect(status().isNotFound());
    }

    @Test
    void invalidIdIsRefused() throws Exception {
        api.put("/api/v1/accounts/bad id!", accountJson("Test Customer", "EUR", "UTC"))
                .andExpect(problem(400, VALIDATION, "externalId"));
    }

    @Test
    void invalidUpdateChangesNothing() throws Exception {
        String id = api.newAccount("EUR");
        String before = api.state(id);

        api.put("/api/v1/accounts/" + id, accountJson("Test Customer", "XXY", "UTC")).andExpect(problem(400, VALIDATION, "currency"));
        api.put("/api/v1/accounts/" + id, accountJson("", "EUR", "UTC")).andExpect(problem(400, VALIDATION, "name"));

        assertThat(api.state(id)).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefusedAndChangesNothing() throws Exception {
        String id = api.newAccount("EUR");
        String before = api.state(id);

        api.put("/api/v1/accounts/" + id, "{\"name\": \"Half").andExpect(problem(400, MALFORMED));
        api.put("/api/v1/accounts/" + id, "{\"name\": [1, 2]}").andExpect(problem(400, MALFORMED, "name"));

        assertThat(api.state(id)).isEqualTo(before);
    }

    @Test
    void currencyCanChangeWhileNothingIsBooked() throws Exception {
        String id = api.newAccount("EUR");

        api.put("/api/v1/accounts/" + id, accountJson("Test Customer", "JPY", "UTC")).andExpect(status().isOk());

        assertThat(api.account(id).get("currency").asText()).isEqualTo("JPY");
        assertThat(api.account(id).get("balance").asText()).isEqualTo("0");
        api.newInvoice(id, "JPY", "1200", api.today());
        assertThat(api.account(id).get("balance").asText()).isEqualTo("1200");
    }

    @Test
    void currencyChangeAfterBookingsIsAConflictAndChangesNothing() throws Exception {
        String id = api.newAccount("EUR");
        api.newInvoice(id, "EUR", "100.00", api.today());
        String before = api.state(id);

        api.put("/api/v1/accounts/" + id, accountJson("Test Customer", "USD", "UTC")).andExpect(problem(409, CONFLICT));

        assertThat(api.state(id)).isEqualTo(before);
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() throws Exception {
        String id = uniqueId("ACC");

        api.put("/api/v1/accounts/" + id, DunwellApi.oversized(accountJson("Test Customer", "EUR", "UTC")))
                .andExpect(problem(413, TOO_LARGE));

        api.get("/api/v1/accounts/" + id).andExpect(status().isNotFound());
    }

    @Test
    void chunkedBodyOverOneMebibyteIsRefusedWith413() throws Exception {
        String id = uniqueId("ACC");
        byte[] body = DunwellApi.oversized(accountJson("Test Customer", "EUR", "UTC")).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/accounts/" + id))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                // an input stream of unknown length is sent chunked, without a Content-Length
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(TOO_LARGE);
        api.get("/api/v1/accounts/" + id).andExpect(status().isNotFound());
    }
}
