package io.dunwell.api;

import static io.dunwell.api.DunwellApi.MALFORMED;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.accountJson;
import static io.dunwell.api.DunwellApi.paymentJson;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.DunwellIntegrationTest;

/** Bad input at the API's edge: a 400 that names the field, and nothing stored. */
@DunwellIntegrationTest
class InputRulesApiTests {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    DunwellApi api;
    String account;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        api = new DunwellApi(mvc);
        account = api.newAccount("EUR");
        today = api.today();
    }

    @Test
    void anInvoiceIssuedInTheYearMinus999999999IsRefusedWithTheFieldAndNotStored() throws Exception {
        String id = uniqueId("INV");
        String before = api.state(account);

        api.put("/api/v1/invoices/" + id, """
                {"accountId": "%s", "number": "N-1", "issueDate": "-999999999-01-01", "dueDate": "%s", "currency": "EUR",
                 "amount": "10.00"}""".formatted(account, today))
                .andExpect(problem(400, MALFORMED, "issueDate"))
                .andExpect(jsonPath("$.errors[0].message").value("is outside the years 1900 to 2199 that Dunwell accepts"));

        api.get("/api/v1/invoices/" + id).andExpect(status().isNotFound());
        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void aPaymentReceivedInTheYearOneBillionIsRefusedAndBooksNothing() throws Exception {
        api.newInvoice(account, "EUR", "100.00", today.minusDays(5));
        String before = api.state(account);

        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), account, "EUR", "10.00", null)
                        .replace("2027-01-10T08:00:00Z", "+1000000000-01-01T00:00:00Z"))
                .andExpect(problem(400, MALFORMED, "receivedAt"));

        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void aNulCharacterInAnAccountNameIsRefusedWithTheFieldAndNotStored() throws Exception {
        String id = uniqueId("ACC");

        api.put("/api/v1/accounts/" + id, accountJson("ACME\\u0000 GmbH", "EUR", "UTC"))
                .andExpect(problem(400, MALFORMED, "name"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("contains the control character U+0000")));

        api.get("/api/v1/accounts/" + id).andExpect(status().isNotFound());
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedWithTheParameter() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/messages").param("accountId", "ACC\u0000")
                        .with(httpBasic("admin", "admin-secret")))
                .andExpect(problem(400, VALIDATION, "accountId"));
    }

    @Test
    void theLocaleTrueIsRefusedForItNamesNoLanguage() throws Exception {
        String id = uniqueId("ACC");

        api.put("/api/v1/accounts/" + id, accountJson("ACME", "EUR", "UTC").replace("de-DE", "true"))
                .andExpect(problem(400, VALIDATION, "locale"));

        api.get("/api/v1/accounts/" + id).andExpect(status().isNotFound());
    }

    @Test
    void aBalanceWithAMillionDigitExponentIsRefusedBeforeAnyArithmetic() throws Exception {
        String id = uniqueId("INV");

        api.put("/api/v1/invoices/" + id, """
                {"accountId": "%s", "number": "N-1", "issueDate": "%s", "dueDate": "%s", "currency": "EUR",
                 "amount": "10.00", "balance": "0E-999999"}""".formatted(account, today, today))
                .andExpect(problem(400, MALFORMED, "balance"));

        api.get("/api/v1/invoices/" + id).andExpect(status().isNotFound());
    }

    @Test
    void aCsvImportRejectsTheRowsWithAnOutOfRangeDateOrAControlCharacterAndAppliesTheRest() throws Exception {
        String good = uniqueId("INV");
        String ancient = uniqueId("INV");
        String nul = uniqueId("INV");
        String csv = "externalId,accountId,number,issueDate,dueDate,currency,amount\n"
                + good + "," + account + ",N-1," + today + "," + today + ",EUR,10.00\n"
                + ancient + "," + account + ",N-2,1800-01-01," + today + ",EUR,10.00\n"
                + nul + "," + account + ",N-\u00003," + today + "," + today + ",EUR,10.00\n";

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/imports/invoices").with(httpBasic("admin", "admin-secret"))
                        .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("issueDate"))
                .andExpect(jsonPath("$.rows[1].errors[0].field").value("number"));

        api.get("/api/v1/invoices/" + ancient).andExpect(status().isNotFound());
        api.get("/api/v1/invoices/" + nul).andExpect(status().isNotFound());
    }

    @Test
    void aMultipartImportWithABrokenBodyIsAMalformedRequestProblem() throws Exception {
        String body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nexternalId,name\r\nA,B";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/imports/accounts"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(new ObjectMapper().readTree(response.body()).get("type").asText()).isEqualTo(MALFORMED);
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFoundRatherThanAServerError() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/error").with(httpBasic("admin", "admin-secret"))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound());
    }
}
