package io.dunwell.api;

import static io.dunwell.api.DunwellApi.CONFLICT;
import static io.dunwell.api.DunwellApi.MALFORMED;
import static io.dunwell.api.DunwellApi.NOT_FOUND;
import static io.dunwell.api.DunwellApi.TOO_LARGE;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.creditNoteJson;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;

@DunwellIntegrationTest
class CreditNoteApiTests {

    @Autowired
    MockMvc mvc;

    DunwellApi api;
    String account;
    String older;
    String newer;

    /** An account owing 100.00 (due 20 days ago) and 50.00 (due 5 days ago). */
    @BeforeEach
    void setUp() throws Exception {
        api = new DunwellApi(mvc);
        account = api.newAccount("EUR");
        LocalDate today = api.today();
        newer = api.newInvoice(account, "EUR", "50.00", today.minusDays(5));
        older = api.newInvoice(account, "EUR", "100.00", today.minusDays(20));
    }

    private static String allocation(String invoiceId, String amount) {
        return "{\"invoiceId\": \"%s\", \"amount\": \"%s\"}".formatted(invoiceId, amount);
    }

    @Test
    void creditNoteIsAppliedOldestDueFirstAndRecordedWith201() throws Exception {
        String id = uniqueId("CN");

        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "110.00", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.externalId").value(id))
                .andExpect(jsonPath("$.accountId").value(account))
                .andExpect(jsonPath("$.amount").value("110.00"))
                .andExpect(jsonPath("$.at").value("2027-01-10T08:00:00Z"))
                .andExpect(jsonPath("$.reference").value("goodwill"))
                .andExpect(jsonPath("$.allocations[0].invoiceId").value(older))
                .andExpect(jsonPath("$.allocations[0].amount").value("100.00"))
                .andExpect(jsonPath("$.allocations[1].invoiceId").value(newer))
                .andExpect(jsonPath("$.allocations[1].amount").value("10.00"))
                .andExpect(jsonPath("$.unappliedAmount").value("0.00"));

        assertThat(api.invoice(older).get("status").asText()).isEqualTo("PAID");
        assertThat(api.invoice(newer).get("balance").asText()).isEqualTo("40.00");
        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.balance").value("40.00"))
                .andExpect(jsonPath("$.oldestDaysPastDue").value(5));
        assertThat(api.timeline(account).get(3).get("type").asText()).isEqualTo("CREDIT_NOTE_BOOKED");
        assertThat(api.timeline(account).get(3).get("summary").asText()).contains("110.00", "goodwill");
    }

    @Test
    void explicitAllocationsGoWhereTheSenderSays() throws Exception {
        api.post("/api/v1/credit-notes", creditNoteJson(uniqueId("CN"), account, "EUR", "50.00", "[" + allocation(newer, "50.00") + "]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocations.length()").value(1))
                .andExpect(jsonPath("$.allocations[0].invoiceId").value(newer));

        assertThat(api.invoice(newer).get("status").asText()).isEqualTo("PAID");
        assertThat(api.invoice(older).get("balance").asText()).isEqualTo("100.00");
        api.get("/api/v1/accounts/" + account).andExpect(jsonPath("$.balance").value("100.00"));
    }

    @Test
    void creditBeyondWhatIsOwedBecomesUnappliedCredit() throws Exception {
        api.post("/api/v1/credit-notes", creditNoteJson(uniqueId("CN"), account, "EUR", "200.00", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unappliedAmount").value("50.00"));

        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.balance").value("-50.00"))
                .andExpect(jsonPath("$.overdueBalance").value("0.00"))
                .andExpect(jsonPath("$.unappliedCredit").value("50.00"))
                .andExpect(jsonPath("$.openInvoiceCount").value(0));
    }

    @Test
    void replayedCreditNoteReturnsTheSameCreditNoteWith200() throws Exception {
        String id = uniqueId("CN");
        String body = creditNoteJson(id, account, "EUR", "30.00", null);
        String first = api.post("/api/v1/credit-notes", body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String after = api.state(account);

        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/v1/credit-notes", body).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                    .isEqualTo(first);
        }

        assertThat(api.get("/api/v1/credit-notes/" + id).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .isEqualTo(first);
        assertThat(api.state(account)).isEqualTo(after);
        assertThat(api.timeline(account)).filteredOn(e -> e.get("type").asText().equals("CREDIT_NOTE_BOOKED")).hasSize(1);
    }

    @Test
    void sameIdWithOtherContentIsAConflictAndChangesNothing() throws Exception {
        String id = uniqueId("CN");
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "30.00", null)).andExpect(status().isCreated());
        String after = api.state(account);

        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "31.00", null)).andExpect(problem(409, CONFLICT));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "30.00", null).replace("goodwill", "damaged goods"))
                .andExpect(problem(409, CONFLICT));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "30.00", "[" + allocation(newer, "30.00") + "]"))
                .andExpect(problem(409, CONFLICT));

        assertThat(api.state(account)).isEqualTo(after);
    }

    @Test
    void unknownCreditNoteIs404() throws Exception {
        api.get("/api/v1/credit-notes/" + uniqueId("CN")).andExpect(problem(404, NOT_FOUND));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() throws Exception {
        String otherInvoice = api.newInvoice(api.newAccount("EUR"), "EUR", "500.00", api.today());
        String before = api.state(account);
        String id = uniqueId("CN");

        api.post("/api/v1/credit-notes", "[1, 2").andExpect(problem(400, MALFORMED));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "10.00", null).replace("2027-01-10T08:00:00Z", "10/01/2027"))
                .andExpect(problem(400, MALFORMED, "issuedAt"));
        api.post("/api/v1/credit-notes", creditNoteJson(id, uniqueId("ACC"), "EUR", "10.00", null)).andExpect(problem(400, VALIDATION, "accountId"));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "-10.00", null)).andExpect(problem(400, VALIDATION, "amount"));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "19.005", null)).andExpect(problem(400, VALIDATION, "amount"));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "XXY", "10.00", null)).andExpect(problem(400, VALIDATION, "currency"));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "GBP", "10.00", null)).andExpect(problem(400, VALIDATION, "currency"));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "10.00", "[" + allocation(otherInvoice, "10.00") + "]"))
                .andExpect(problem(400, VALIDATION, "allocations[0].invoiceId"));
        api.post("/api/v1/credit-notes", creditNoteJson(id, account, "EUR", "60.00", "[" + allocation(newer, "50.01") + "]"))
                .andExpect(problem(400, VALIDATION, "allocations[0].amount"));
        api.post("/api/v1/credit-notes", "{}").andExpect(problem(400, VALIDATION, "externalId", "accountId", "issuedAt"));

        assertThat(api.state(account)).isEqualTo(before);
        api.get("/api/v1/credit-notes/" + id).andExpect(status().isNotFound());
    }

    @Test
    void bahrainiDinarsHaveThreeDecimals() throws Exception {
        String dinars = api.newAccount("BHD");
        String invoice = api.newInvoice(dinars, "BHD", "10.500", api.today());

        api.post("/api/v1/credit-notes", creditNoteJson(uniqueId("CN"), dinars, "BHD", "0.125", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value("0.125"))
                .andExpect(jsonPath("$.allocations[0].amount").value("0.125"));
        api.post("/api/v1/credit-notes", creditNoteJson(uniqueId("CN"), dinars, "BHD", "0.0001", null))
                .andExpect(problem(400, VALIDATION, "amount"));

        assertThat(api.invoice(invoice).get("balance").asText()).isEqualTo("10.375");
        api.get("/api/v1/accounts/" + dinars).andExpect(jsonPath("$.balance").value("10.375"));
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() throws Exception {
        String before = api.state(account);

        api.post("/api/v1/credit-notes", DunwellApi.oversized(creditNoteJson(uniqueId("CN"), account, "EUR", "10.00", null)))
                .andExpect(problem(413, TOO_LARGE));

        assertThat(api.state(account)).isEqualTo(before);
    }
}
