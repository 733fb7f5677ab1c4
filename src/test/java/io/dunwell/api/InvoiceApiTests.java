package io.dunwell.api;

import static io.dunwell.api.DunwellApi.MALFORMED;
import static io.dunwell.api.DunwellApi.NOT_FOUND;
import static io.dunwell.api.DunwellApi.TOO_LARGE;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.invoiceJson;
import static io.dunwell.api.DunwellApi.paymentJson;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import io.dunwell.DunwellIntegrationTest;

@DunwellIntegrationTest
class InvoiceApiTests {

    @Autowired
    MockMvc mvc;

    DunwellApi api;
    String account;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        api = new DunwellApi(mvc);
        account = api.newAccount("EUR");
        today = api.today();
    }

    private String invoice(String amount, String balance, String status, LocalDate due) {
        return """
                {"accountId": "%s", "number": "INV-42", "issueDate": "%s", "dueDate": "%s", "currency": "EUR",
                 "amount": "%s"%s%s}""".formatted(account, due.minusDays(14), due, amount,
                balance == null ? "" : ", \"balance\": \"" + balance + "\"",
                status == null ? "" : ", \"status\": \"" + status + "\"");
    }

    @Test
    void newInvoiceIsCreatedWith201AndAddsToTheAccountBalance() throws Exception {
        String id = uniqueId("INV");

        api.put("/api/v1/invoices/" + id, invoice("1190.00", null, null, today.minusDays(10)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.externalId").value(id))
                .andExpect(jsonPath("$.accountId").value(account))
                .andExpect(jsonPath("$.number").value("INV-42"))
                .andExpect(jsonPath("$.amount").value("1190.00"))
                .andExpect(jsonPath("$.balance").value("1190.00"))
                .andExpect(jsonPath("$.status").value("OPEN"));

        api.get("/api/v1/invoices/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(account))
                .andExpect(jsonPath("$.issueDate").value(today.minusDays(24).toString()))
                .andExpect(jsonPath("$.dueDate").value(today.minusDays(10).toString()))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.balance").value("1190.00"));
        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.balance").value("1190.00"))
                .andExpect(jsonPath("$.overdueBalance").value("1190.00"))
                .andExpect(jsonPath("$.openInvoiceCount").value(1))
                .andExpect(jsonPath("$.oldestUnpaidDueDate").value(today.minusDays(10).toString()))
                .andExpect(jsonPath("$.oldestDaysPastDue").value(10));
        assertThat(api.timeline(account)).extracting(e -> e.get("type").asText()).containsExactly("ACCOUNT_CREATED", "INVOICE_ISSUED");
    }

    @Test
    void amountsAreAcceptedAsJsonNumbersToo() throws Exception {
        String id = uniqueId("INV");

        api.put("/api/v1/invoices/" + id, """
                {"accountId": "%s", "number": "INV-1", "issueDate": "%s", "dueDate": "%s", "currency": "EUR", "amount": 99.9}"""
                .formatted(account, today, today.plusDays(30)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value("99.90"));
    }

    @Test
    void replayedInvoiceReturns200AndChangesNothing() throws Exception {
        String id = uniqueId("INV");
        String body = invoice("100.00", "100.00", "OPEN", today.minusDays(5));
        api.put("/api/v1/invoices/" + id, body).andExpect(status().isCreated());
        String before = api.state(account);

        for (int i = 0; i < 3; i++) {
            api.put("/api/v1/invoices/" + id, body).andExpect(status().isOk()).andExpect(jsonPath("$.balance").value("100.00"));
        }

        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void replayedOpenInvoiceThatAPaymentSettledStaysPaidAndChangesNothing() throws Exception {
        String id = uniqueId("INV");
        api.put("/api/v1/invoices/" + id, invoice("100.00", null, "OPEN", today.minusDays(5))).andExpect(status().isCreated());
        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), account, "EUR", "100.00", null)).andExpect(status().isCreated());
        String before = api.state(account);

        // the billing system does not know of the payment yet and sends its unchanged invoice again
        for (int i = 0; i < 3; i++) {
            api.put("/api/v1/invoices/" + id, invoice("100.00", null, "OPEN", today.minusDays(5)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PAID"));
        }

        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void replayedVoidInvoiceReturns200AndChangesNothing() throws Exception {
        String id = uniqueId("INV");
        String body = invoice("100.00", "100.00", "VOID", today.minusDays(5));
        api.put("/api/v1/invoices/" + id, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("VOID"))
                .andExpect(jsonPath("$.balance").value("0.00"));
        String before = api.state(account);

        for (int i = 0; i < 3; i++) {
            api.put("/api/v1/invoices/" + id, body).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VOID"));
        }

        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void changedAmountCarriesTheDifferenceToTheOpenBalance() throws Exception {
        String id = uniqueId("INV");
        api.put("/api/v1/invoices/" + id, invoice("100.00", null, null, today.minusDays(5))).andExpect(status().isCreated());
        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), account, "EUR", "30.00", null)).andExpect(status().isCreated());

        api.put("/api/v1/invoices/" + id, invoice("150.00", null, null, today.minusDays(5)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value("150.00"))
                .andExpect(jsonPath("$.balance").value("120.00"));

        api.get("/api/v1/accounts/" + account).andExpect(jsonPath("$.balance").value("120.00"));
        assertThat(api.timeline(account)).extracting(e -> e.get("type").asText())
                .containsExactly("ACCOUNT_CREATED", "INVOICE_ISSUED", "PAYMENT_RECEIVED", "INVOICE_UPDATED");
    }

    @Test
    void balanceSentByTheBillingSystemIsTaken() throws Exception {
        String id = uniqueId("INV");
        api.put("/api/v1/invoices/" + id, invoice("100.00", null, null, today.minusDays(5))).andExpect(status().isCreated());

        api.put("/api/v1/invoices/" + id, invoice("100.00", "25.00", null, today.minusDays(5)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value("25.00"))
                .andExpect(jsonPath("$.status").value("OPEN"));
        api.put("/api/v1/invoices/" + id, invoice("100.00", "0", null, today.minusDays(5)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value("0.00"))
                .andExpect(jsonPath("$.status").value("PAID"));

        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.balance").value("0.00"))
                .andExpect(jsonPath("$.openInvoiceCount").value(0))
                .andExpect(jsonPath("$.oldestDaysPastDue").value(0));
    }

    @Test
    void voidedInvoiceNoLongerCounts() throws Exception {
        String old = api.newInvoice(account, "EUR", "100.00", today.minusDays(20));
        api.newInvoice(account, "EUR", "40.00", today.minusDays(2));

        api.put("/api/v1/invoices/" + old, invoiceJson(account, "EUR", "100.00", today.minusDays(20)).replace("}", ", \"status\": \"VOID\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VOID"))
                .andExpect(jsonPath("$.balance").value("0.00"));

        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.balance").value("40.00"))
                .andExpect(jsonPath("$.openInvoiceCount").value(1))
                .andExpect(jsonPath("$.oldestUnpaidDueDate").value(today.minusDays(2).toString()))
                .andExpect(jsonPath("$.oldestDaysPastDue").value(2));
    }

    @Test
    void voidingAPartlyPaidInvoiceGivesTheMoneyBackAsUnappliedCredit() throws Exception {
        String id = uniqueId("INV");
        String payment = uniqueId("PAY");
        String creditNote = uniqueId("CN");
        api.put("/api/v1/invoices/" + id, invoice("100.00", null, null, today.minusDays(5))).andExpect(status().isCreated());
        api.post("/api/v1/payments", paymentJson(payment, account, "EUR", "30.00", null)).andExpect(status().isCreated());
        api.post("/api/v1/credit-notes", DunwellApi.creditNoteJson(creditNote, account, "EUR", "20.00", null)).andExpect(status().isCreated());

        api.put("/api/v1/invoices/" + id, invoice("100.00", null, "VOID", today.minusDays(5)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VOID"));

        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.balance").value("-50.00"))
                .andExpect(jsonPath("$.unappliedCredit").value("50.00"))
                .andExpect(jsonPath("$.openInvoiceCount").value(0));
        api.get("/api/v1/payments/" + payment)
                .andExpect(jsonPath("$.allocations.length()").value(0))
                .andExpect(jsonPath("$.unappliedAmount").value("30.00"));
        api.get("/api/v1/credit-notes/" + creditNote)
                .andExpect(jsonPath("$.allocations.length()").value(0))
                .andExpect(jsonPath("$.unappliedAmount").value("20.00"));
        JsonNode timeline = api.timeline(account);
        assertThat(timeline.get(timeline.size() - 1).get("summary").asText()).contains("VOID", "50.00 paid on it is unapplied credit again");

        // the re-issued invoice is owed less what the customer already paid
        api.newInvoice(account, "EUR", "90.00", today.minusDays(5));
        api.get("/api/v1/accounts/" + account).andExpect(jsonPath("$.balance").value("40.00"));
    }

    @Test
    void voidInvoiceStaysVoidWhenTheStatusIsLeftOutAndRevivesOnlyWhenSentOpen() throws Exception {
        String id = uniqueId("INV");
        api.put("/api/v1/invoices/" + id, invoice("100.00", null, "VOID", today.minusDays(5))).andExpect(status().isCreated());
        String before = api.state(account);

        api.put("/api/v1/invoices/" + id, invoice("100.00", null, null, today.minusDays(5)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VOID"));
        assertThat(api.state(account)).isEqualTo(before);

        api.put("/api/v1/invoices/" + id, invoice("80.00", null, null, today.minusDays(5)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VOID")).andExpect(jsonPath("$.amount").value("80.00"));
        api.put("/api/v1/invoices/" + id, invoice("80.00", "80.00", "OPEN", today.minusDays(5)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.balance").value("80.00"));
        api.get("/api/v1/accounts/" + account).andExpect(jsonPath("$.balance").value("80.00"));
    }

    @Test
    void unknownInvoiceIs404() throws Exception {
        api.get("/api/v1/invoices/" + uniqueId("INV")).andExpect(problem(404, NOT_FOUND));
    }

    @Test
    void malformedJsonIsRefusedAndChangesNothing() throws Exception {
        String before = api.state(account);

        api.put("/api/v1/invoices/" + uniqueId("INV"), "{\"accountId\": ").andExpect(problem(400, MALFORMED));
        api.put("/api/v1/invoices/" + uniqueId("INV"), invoice("ten euros", null, null, today)).andExpect(problem(400, MALFORMED, "amount"));

        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void wrongDateFormatIsRefusedAndChangesNothing() throws Exception {
        String before = api.state(account);
        String id = uniqueId("INV");

        api.put("/api/v1/invoices/" + id, """
                {"accountId": "%s", "number": "INV-1", "issueDate": "31.01.2027", "dueDate": "2027-02-28", "currency": "EUR", "amount": "10.00"}"""
                .formatted(account))
                .andExpect(problem(400, MALFORMED, "issueDate"))
                .andExpect(jsonPath("$.detail").value(containsString("ISO date")));

        api.get("/api/v1/invoices/" + id).andExpect(status().isNotFound());
        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void unknownAccountIsRefused() throws Exception {
        String id = uniqueId("INV");

        api.put("/api/v1/invoices/" + id, invoiceJson(uniqueId("ACC"), "EUR", "10.00", today)).andExpect(problem(400, VALIDATION, "accountId"));

        api.get("/api/v1/invoices/" + id).andExpect(status().isNotFound());
    }

    @Test
    void badAmountsAndCurrenciesAreRefusedAndChangeNothing() throws Exception {
        String before = api.state(account);
        String id = uniqueId("INV");

        api.put("/api/v1/invoices/" + id, invoice("-10.00", null, null, today)).andExpect(problem(400, VALIDATION, "amount"));
        api.put("/api/v1/invoices/" + id, invoice("0", null, null, today)).andExpect(problem(400, VALIDATION, "amount"));
        api.put("/api/v1/invoices/" + id, invoice("19.005", null, null, today)).andExpect(problem(400, VALIDATION, "amount"));
        api.put("/api/v1/invoices/" + id, invoice("10.00", "-1.00", null, today)).andExpect(problem(400, VALIDATION, "balance"));
        api.put("/api/v1/invoices/" + id, invoice("10.00", "10.01", null, today)).andExpect(problem(400, VALIDATION, "balance"));
        api.put("/api/v1/invoices/" + id, invoiceJson(account, "XXY", "10.00", today)).andExpect(problem(400, VALIDATION, "currency"));
        api.put("/api/v1/invoices/" + id, invoiceJson(account, "USD", "10.00", today)).andExpect(problem(400, VALIDATION, "currency"));

        api.get("/api/v1/invoices/" + id).andExpect(status().isNotFound());
        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void badDatesAndStatusesAreRefused() throws Exception {
        String id = uniqueId("INV");

        api.put("/api/v1/invoices/" + id, """
                {"accountId": "%s", "number": "INV-1", "issueDate": "2027-02-01", "dueDate": "2027-01-31", "currency": "EUR", "amount": "10.00"}"""
                .formatted(account)).andExpect(problem(400, VALIDATION, "dueDate"));
        api.put("/api/v1/invoices/" + id, invoice("10.00", null, "CANCELLED", today)).andExpect(problem(400, VALIDATION, "status"));
        api.put("/api/v1/invoices/" + id, invoice("10.00", "5.00", "PAID", today)).andExpect(problem(400, VALIDATION, "status"));
        api.put("/api/v1/invoices/" + id, "{\"accountId\": \"%s\"}".formatted(account))
                .andExpect(problem(400, VALIDATION, "number", "issueDate", "dueDate", "currency"));

        api.get("/api/v1/invoices/" + id).andExpect(status().isNotFound());
    }

    @Test
    void refusedUpdateOfAnExistingInvoiceChangesNothing() throws Exception {
        String id = uniqueId("INV");
        api.put("/api/v1/invoices/" + id, invoice("100.00", null, null, today.minusDays(5))).andExpect(status().isCreated());
        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), account, "EUR", "60.00", null)).andExpect(status().isCreated());
        String before = api.state(account);
        JsonNode invoiceBefore = api.invoice(id);

        api.put("/api/v1/invoices/" + id, invoice("50.00", null, null, today.minusDays(5))).andExpect(problem(400, VALIDATION, "amount"));
        api.put("/api/v1/invoices/" + id, invoice("100.005", null, null, today.minusDays(5))).andExpect(problem(400, VALIDATION, "amount"));
        api.put("/api/v1/invoices/" + id, invoiceJson(api.newAccount("EUR"), "EUR", "100.00", today.minusDays(5)))
                .andExpect(problem(400, VALIDATION, "accountId"));

        assertThat(api.invoice(id)).isEqualTo(invoiceBefore);
        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() throws Exception {
        String id = uniqueId("INV");
        String before = api.state(account);

        api.put("/api/v1/invoices/" + id, DunwellApi.oversized(invoice("10.00", null, null, today))).andExpect(problem(413, TOO_LARGE));

        api.get("/api/v1/invoices/" + id).andExpect(status().isNotFound());
        assertThat(api.state(account)).isEqualTo(before);
    }
}
