package io.dunwell.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The integration API as a billing system calls it (HTTP Basic as the test admin), plus the
 * reads a test needs to prove that a refused call changed nothing.
 */
final class DunwellApi {

    private final MockMvc mvc;
    private final ObjectMapper json = new ObjectMapper();

    DunwellApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    ResultActions put(String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put(path).with(httpBasic("admin", "admin-secret"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions post(String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic("admin", "admin-secret"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions get(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic("admin", "admin-secret")));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** A new account in UTC, so "today" is the simulation clock's UTC date. */
    String newAccount(String currency) throws Exception {
        String id = uniqueId("ACC");
        put("/api/v1/accounts/" + id, accountJson("Test Customer", currency, "UTC")).andExpect(status().isCreated());
        return id;
    }

    static String accountJson(String name, String currency, String timeZone) {
        return """
                {"name": "%s", "email": "ap@customer.example", "phone": "+49 30 1234567", "locale": "de-DE",
                 "timeZone": "%s", "currency": "%s", "segment": "smb"}""".formatted(name, timeZone, currency);
    }

    /** An open invoice for the whole amount, issued 30 days before it is due. */
    String newInvoice(String accountId, String currency, String amount, LocalDate dueDate) throws Exception {
        String id = uniqueId("INV");
        put("/api/v1/invoices/" + id, invoiceJson(accountId, currency, amount, dueDate)).andExpect(status().isCreated());
        return id;
    }

    static String invoiceJson(String accountId, String currency, String amount, LocalDate dueDate) {
        return """
                {"accountId": "%s", "number": "N-%s", "issueDate": "%s", "dueDate": "%s", "currency": "%s", "amount": "%s"}"""
                .formatted(accountId, dueDate, dueDate.minusDays(30), dueDate, currency, amount);
    }

    static String paymentJson(String paymentId, String accountId, String currency, String amount, String allocations) {
        return """
                {"externalId": "%s", "accountId": "%s", "amount": "%s", "currency": "%s",
                 "receivedAt": "2027-01-10T08:00:00Z", "reference": "bank transfer"%s}"""
                .formatted(paymentId, accountId, amount, currency, allocations == null ? "" : ", \"allocations\": " + allocations);
    }

    static String creditNoteJson(String creditNoteId, String accountId, String currency, String amount, String allocations) {
        return """
                {"externalId": "%s", "accountId": "%s", "amount": "%s", "currency": "%s",
                 "issuedAt": "2027-01-10T08:00:00Z", "reason": "goodwill"%s}"""
                .formatted(creditNoteId, accountId, amount, currency, allocations == null ? "" : ", \"allocations\": " + allocations);
    }

    JsonNode account(String accountId) throws Exception {
        return read(get("/api/v1/accounts/" + accountId).andExpect(status().isOk()));
    }

    JsonNode invoice(String invoiceId) throws Exception {
        return read(get("/api/v1/invoices/" + invoiceId).andExpect(status().isOk()));
    }

    JsonNode timeline(String accountId) throws Exception {
        return read(get("/api/v1/accounts/" + accountId + "/timeline").andExpect(status().isOk()));
    }

    /** What a user checks to see that nothing happened: the account with its balances, and its timeline. */
    String state(String accountId) throws Exception {
        return account(accountId).toString() + timeline(accountId).toString();
    }

    Instant clock() throws Exception {
        return Instant.parse(read(get("/api/v1/simulation/clock").andExpect(status().isOk())).get("now").asText());
    }

    LocalDate today() throws Exception {
        return LocalDate.ofInstant(clock(), ZoneId.of("UTC"));
    }

    /** An RFC 9457 problem of the given status and type that names exactly the given fields. */
    static ResultMatcher problem(int status, String type, String... fields) {
        ResultMatcher body = ResultMatcher.matchAll(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(type),
                jsonPath("$.status").value(status),
                jsonPath("$.title").isNotEmpty(),
                jsonPath("$.detail").isNotEmpty());
        if (fields.length == 0) {
            return body;
        }
        return ResultMatcher.matchAll(body, jsonPath("$.errors[*].field", containsInAnyOrder(fields)),
                jsonPath("$.errors[*].message").isNotEmpty());
    }

    static final String VALIDATION = "urn:dunwell:problem:validation";
    static final String MALFORMED = "urn:dunwell:problem:malformed-request";
    static final String CONFLICT = "urn:dunwell:problem:conflict";
    static final String NOT_FOUND = "urn:dunwell:problem:not-found";
    static final String TOO_LARGE = "urn:dunwell:problem:payload-too-large";

    /** A syntactically valid JSON body just over the API's 1 MiB limit. */
    static String oversized(String validJson) {
        String padding = "x".repeat(1024 * 1024);
        return validJson.substring(0, validJson.lastIndexOf('}')) + ", \"padding\": \"" + padding + "\"}";
    }
}
