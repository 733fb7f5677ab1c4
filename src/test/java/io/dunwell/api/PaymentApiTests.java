package io.dunwell.api;

import static io.dunwell.api.DunwellApi.CONFLICT;
import static io.dunwell.api.DunwellApi.MALFORMED;
import static io.dunwell.api.DunwellApi.NOT_FOUND;
import static io.dunwell.api.DunwellApi.TOO_LARGE;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.paymentJson;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import io.dunwell.DunwellIntegrationTest;

@DunwellIntegrationTest
class PaymentApiTests {

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
    void paymentIsAppliedOldestDueFirstAndRecordedWith201() throws Exception {
        String id = uniqueId("PAY");

        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "120.00", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.externalId").value(id))
                .andExpect(jsonPath("$.accountId").value(account))
                .andExpect(jsonPath("$.amount").value("120.00"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.at").value("2027-01-10T08:00:00Z"))
                .andExpect(jsonPath("$.reference").value("bank transfer"))
                .andExpect(jsonPath("$.allocations[0].invoiceId").value(older))
                .andExpect(jsonPath("$.allocations[0].amount").value("100.00"))
                .andExpect(jsonPath("$.allocations[1].invoiceId").value(newer))
                .andExpect(jsonPath("$.allocations[1].amount").value("20.00"))
                .andExpect(jsonPath("$.unappliedAmount").value("0.00"));

        assertThat(api.invoice(older).get("status").asText()).isEqualTo("PAID");
        assertThat(api.invoice(older).get("balance").asText()).isEqualTo("0.00");
        assertThat(api.invoice(newer).get("balance").asText()).isEqualTo("30.00");
        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.balance").value("30.00"))
                .andExpect(jsonPath("$.overdueBalance").value("30.00"))
                .andExpect(jsonPath("$.unappliedCredit").value("0.00"))
                .andExpect(jsonPath("$.openInvoiceCount").value(1))
                .andExpect(jsonPath("$.oldestUnpaidDueDate").value(api.today().minusDays(5).toString()))
                .andExpect(jsonPath("$.oldestDaysPastDue").value(5));
    }

    @Test
    void explicitAllocationsGoWhereTheSenderSaysAndTheRestIsHeldAsCredit() throws Exception {
        String id = uniqueId("PAY");

        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "80.00", "[" + allocation(newer, "50.00") + ", "
                        + allocation(older, "10.00") + "]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocations.length()").value(2))
                .andExpect(jsonPath("$.allocations[0].invoiceId").value(newer))
                .andExpect(jsonPath("$.allocations[0].amount").value("50.00"))
                .andExpect(jsonPath("$.allocations[1].invoiceId").value(older))
                .andExpect(jsonPath("$.allocations[1].amount").value("10.00"))
                .andExpect(jsonPath("$.unappliedAmount").value("20.00"));

        assertThat(api.invoice(newer).get("status").asText()).isEqualTo("PAID");
        assertThat(api.invoice(older).get("balance").asText()).isEqualTo("90.00");
        api.get("/api/v1/accounts/" + account)
                .andExpect(jsonPath("$.balance").value("70.00"))
                .andExpect(jsonPath("$.unappliedCredit").value("20.00"))
                .andExpect(jsonPath("$.overdueBalance").value("70.00"))
                .andExpect(jsonPath("$.oldestDaysPastDue").value(20));
    }

    @Test
    void overpaymentPaysEveryInvoiceAndBecomesUnappliedCredit() throws Exception {
        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), account, "EUR", "175.50", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unappliedAmount").value("25.50"));

        assertThat(api.invoice(older).get("status").asText()).isEqualTo("PAID");
        assertThat(api.invoice(newer).get("status").asText()).isEqualTo("PAID");
        JsonNode after = api.account(account);
        assertThat(after.get("balance").asText()).isEqualTo("-25.50");
        assertThat(after.get("overdueBalance").asText()).isEqualTo("0.00");
        assertThat(after.get("unappliedCredit").asText()).isEqualTo("25.50");
        assertThat(after.get("openInvoiceCount").asInt()).isZero();
        assertThat(after.has("oldestUnpaidDueDate")).isFalse();
        assertThat(after.get("oldestDaysPastDue").asLong()).isZero();
        assertThat(api.timeline(account).get(3).get("summary").asText()).contains("25.50 held as unapplied credit");
    }

    @Test
    void paymentOnAnAccountWithoutOpenInvoicesIsHeldAsCredit() throws Exception {
        String empty = api.newAccount("EUR");

        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), empty, "EUR", "10.00", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocations.length()").value(0))
                .andExpect(jsonPath("$.unappliedAmount").value("10.00"));

        api.get("/api/v1/accounts/" + empty).andExpect(jsonPath("$.balance").value("-10.00"));
    }

    @Test
    void replayedPaymentReturnsTheSamePaymentWith200() throws Exception {
        String id = uniqueId("PAY");
        String body = paymentJson(id, account, "EUR", "120.00", null);
        String first = api.post("/api/v1/payments", body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String after = api.state(account);

        for (int i = 0; i < 2; i++) {
            String replay = api.post("/api/v1/payments", body).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(replay).isEqualTo(first);
        }

        assertThat(api.get("/api/v1/payments/" + id).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .isEqualTo(first);
        assertThat(api.state(account)).isEqualTo(after);
        assertThat(api.timeline(account)).filteredOn(e -> e.get("type").asText().equals("PAYMENT_RECEIVED")).hasSize(1);
        api.get("/api/v1/accounts/" + account).andExpect(jsonPath("$.balance").value("30.00"));
    }

    @Test
    void replayWithTheSameAmountWrittenDifferentlyIsStillAReplay() throws Exception {
        String id = uniqueId("PAY");
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "100.00", "[" + allocation(older, "100.00") + "]"))
                .andExpect(status().isCreated());
        String after = api.state(account);

        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "100", "[" + allocation(older, "100.0") + "]"))
                .andExpect(status().isOk());
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "100.00", "[" + allocation(older, "100.00") + "]")
                        .replace("\"amount\": \"100.00\", \"currency\"", "\"amount\": 100.0, \"currency\""))
                .andExpect(status().isOk());

        assertThat(api.state(account)).isEqualTo(after);
    }

    @Test
    void replayOfAPaymentReceivedAtSubMicrosecondPrecisionReturnsTheSameBody() throws Exception {
        String id = uniqueId("PAY");
        String body = paymentJson(id, account, "EUR", "10.00", null).replace("2027-01-10T08:00:00Z", "2027-01-10T08:00:00.123456789Z");

        String first = api.post("/api/v1/payments", body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String replay = api.post("/api/v1/payments", body).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(replay).isEqualTo(first);
        assertThat(api.get("/api/v1/payments/" + id).andReturn().getResponse().getContentAsString()).isEqualTo(first);
    }

    @Test
    void sameIdWithOtherContentIsAConflictAndChangesNothing() throws Exception {
        String id = uniqueId("PAY");
        String first = api.post("/api/v1/payments", paymentJson(id, account, "EUR", "120.00", null))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String after = api.state(account);

        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "121.00", null)).andExpect(problem(409, CONFLICT));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "120.00", null).replace("bank transfer", "cheque"))
                .andExpect(problem(409, CONFLICT));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "120.00", "[" + allocation(newer, "50.00") + "]"))
                .andExpect(problem(409, CONFLICT));
        api.post("/api/v1/payments", paymentJson(id, api.newAccount("EUR"), "EUR", "120.00", null)).andExpect(problem(409, CONFLICT));

        assertThat(api.state(account)).isEqualTo(after);
        assertThat(api.get("/api/v1/payments/" + id).andReturn().getResponse().getContentAsString()).isEqualTo(first);
    }

    @Test
    void sameMomentDeliveriesOfOnePaymentBookItOnce() throws Exception {
        String id = uniqueId("PAY");
        String body = paymentJson(id, account, "EUR", "120.00", null);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<MockHttpServletResponse> delivery = () -> {
                    start.await();
                    return api.post("/api/v1/payments", body).andReturn().getResponse();
                };
                sent.add(pool.submit(delivery));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> response : sent) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(201, 200, 200);
            assertThat(responses).extracting(MockHttpServletResponse::getContentAsString).containsOnly(responses.get(0).getContentAsString());
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.timeline(account)).filteredOn(e -> e.get("type").asText().equals("PAYMENT_RECEIVED")).hasSize(1);
        api.get("/api/v1/accounts/" + account).andExpect(jsonPath("$.balance").value("30.00"));
    }

    @Test
    void unknownPaymentIs404() throws Exception {
        api.get("/api/v1/payments/" + uniqueId("PAY")).andExpect(problem(404, NOT_FOUND));
    }

    @Test
    void malformedJsonAndWrongInstantsAreRefusedAndChangeNothing() throws Exception {
        String before = api.state(account);
        String id = uniqueId("PAY");

        api.post("/api/v1/payments", "{\"externalId\": \"" + id).andExpect(problem(400, MALFORMED));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "10.00", null).replace("2027-01-10T08:00:00Z", "2027-01-10"))
                .andExpect(problem(400, MALFORMED, "receivedAt"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "10.00", null).replace("\"10.00\"", "\"ten\""))
                .andExpect(problem(400, MALFORMED, "amount"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "10.00", "[{\"invoiceId\": \"" + older + "\", \"amount\": \"x\"}]"))
                .andExpect(problem(400, MALFORMED, "allocations[0].amount"));

        assertThat(api.state(account)).isEqualTo(before);
        api.get("/api/v1/payments/" + id).andExpect(status().isNotFound());
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        api.post("/api/v1/payments", "{}").andExpect(problem(400, VALIDATION, "externalId", "accountId", "receivedAt"));
    }

    @Test
    void unknownAccountIsRefused() throws Exception {
        String id = uniqueId("PAY");

        api.post("/api/v1/payments", paymentJson(id, uniqueId("ACC"), "EUR", "10.00", null)).andExpect(problem(400, VALIDATION, "accountId"));

        api.get("/api/v1/payments/" + id).andExpect(status().isNotFound());
    }

    @Test
    void referenceLongerThanItsColumnIsRefused() throws Exception {
        String id = uniqueId("PAY");
        String before = api.state(account);

        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "10.00", null).replace("bank transfer", "r".repeat(201)))
                .andExpect(problem(400, VALIDATION, "reference"));

        api.get("/api/v1/payments/" + id).andExpect(status().isNotFound());
        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void badAmountsAndCurrenciesAreRefusedAndChangeNothing() throws Exception {
        String before = api.state(account);
        String id = uniqueId("PAY");

        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "-10.00", null)).andExpect(problem(400, VALIDATION, "amount"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "0.00", null)).andExpect(problem(400, VALIDATION, "amount"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "19.005", null)).andExpect(problem(400, VALIDATION, "amount"));
        api.post("/api/v1/payments", paymentJson(id, account, "XXY", "10.00", null)).andExpect(problem(400, VALIDATION, "currency"));
        api.post("/api/v1/payments", paymentJson(id, account, "USD", "10.00", null)).andExpect(problem(400, VALIDATION, "currency"));
        api.post("/api/v1/payments", paymentJson(id, account, "XXY", "-1", null)).andExpect(problem(400, VALIDATION, "currency", "amount"));

        assertThat(api.state(account)).isEqualTo(before);
        api.get("/api/v1/payments/" + id).andExpect(status().isNotFound());
    }

    @Test
    void badAllocationsAreRefusedAndChangeNothing() throws Exception {
        String otherAccount = api.newAccount("EUR");
        String otherInvoice = api.newInvoice(otherAccount, "EUR", "500.00", api.today());
        String otherBefore = api.state(otherAccount);
        String before = api.state(account);
        String id = uniqueId("PAY");

        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "50.00", "[" + allocation(otherInvoice, "50.00") + "]"))
                .andExpect(problem(400, VALIDATION, "allocations[0].invoiceId"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "60.00", "[" + allocation(newer, "60.00") + "]"))
                .andExpect(problem(400, VALIDATION, "allocations[0].amount"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "20.00", "[" + allocation(older, "10.00") + ", "
                + allocation(newer, "20.00") + "]")).andExpect(problem(400, VALIDATION, "allocations"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "20.00", "[" + allocation(older, "10.00") + ", "
                + allocation(older, "5.00") + "]")).andExpect(problem(400, VALIDATION, "allocations[1].invoiceId"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "20.00", "[" + allocation(older, "10.005") + "]"))
                .andExpect(problem(400, VALIDATION, "allocations[0].amount"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "20.00", "[" + allocation(older, "-5.00") + "]"))
                .andExpect(problem(400, VALIDATION, "allocations[0].amount"));
        api.post("/api/v1/payments", paymentJson(id, account, "EUR", "20.00", "[" + allocation(uniqueId("INV"), "5.00") + "]"))
                .andExpect(problem(400, VALIDATION, "allocations[0].invoiceId"));

        assertThat(api.state(account)).isEqualTo(before);
        assertThat(api.state(otherAccount)).isEqualTo(otherBefore);
        api.get("/api/v1/payments/" + id).andExpect(status().isNotFound());
    }

    @Test
    void allocationToAPaidInvoiceIsRefused() throws Exception {
        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), account, "EUR", "50.00", "[" + allocation(newer, "50.00") + "]"))
                .andExpect(status().isCreated());
        String before = api.state(account);

        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), account, "EUR", "1.00", "[" + allocation(newer, "1.00") + "]"))
                .andExpect(problem(400, VALIDATION, "allocations[0].invoiceId"));

        assertThat(api.state(account)).isEqualTo(before);
    }

    @Test
    void yenHaveNoDecimals() throws Exception {
        String yen = api.newAccount("JPY");
        String invoice = api.newInvoice(yen, "JPY", "12000", api.today().minusDays(3));

        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), yen, "JPY", "5000", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value("5000"))
                .andExpect(jsonPath("$.allocations[0].amount").value("5000"))
                .andExpect(jsonPath("$.unappliedAmount").value("0"));
        api.post("/api/v1/payments", paymentJson(uniqueId("PAY"), yen, "JPY", "10.5", null)).andExpect(problem(400, VALIDATION, "amount"));

        assertThat(api.invoice(invoice).get("balance").asText()).isEqualTo("7000");
        api.get("/api/v1/accounts/" + yen).andExpect(jsonPath("$.balance").value("7000"));
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() throws Exception {
        String before = api.state(account);
        String id = uniqueId("PAY");

        api.post("/api/v1/payments", DunwellApi.oversized(paymentJson(id, account, "EUR", "10.00", null))).andExpect(problem(413, TOO_LARGE));

        assertThat(api.state(account)).isEqualTo(before);
        api.get("/api/v1/payments/" + id).andExpect(status().isNotFound());
    }
}
