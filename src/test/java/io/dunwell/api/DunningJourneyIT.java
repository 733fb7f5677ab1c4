package io.dunwell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.dunning.CaseJobs;
import io.dunwell.dunning.Mailbox;

/**
 * Forty days of dunning through the public API on the moving clock: a billing system sends
 * accounts, invoices and a payment, a dunning run starts every day, and each customer gets exactly
 * the mail the default cadence (7, 20, 30 days) calls for, in their language, over real SMTP.
 */
@DunwellIntegrationTest
class DunningJourneyIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    ManagementService management;

    DunwellApi api;
    CaseJobs jobs;
    Mailbox mailbox;
    /** Who received which subject on which day of the journey. */
    final Map<String, List<String>> received = new LinkedHashMap<>();
    final Set<String> seen = new HashSet<>();

    @BeforeEach
    void setUp() {
        api = new DunwellApi(mvc);
        jobs = new CaseJobs(management);
        mailbox = Mailbox.start();
    }

    @AfterEach
    void stopSmtp() {
        mailbox.stop();
    }

    @Test
    void fortyDaysOfRemindersAndAPaymentThroughThePublicApi() throws Exception {
        LocalDate day0 = api.today().plusDays(1);
        moveTo(day0);
        String acme = account("acme", "Acme Corp", "en-US", "America/New_York", "USD");
        String acmeOld = invoice(acme, "USD", "1200.00", day0);
        String acmeNew = invoice(acme, "USD", "300.50", day0.plusDays(5));
        String mueller = account("mueller", "Müller GmbH", "de-DE", "Europe/Berlin", "EUR");
        String muellerInvoice = invoice(mueller, "EUR", "1190.00", day0);
        String tea = account("tea", "Tea & Co Ltd", "en-GB", "Europe/London", "GBP");
        invoice(tea, "GBP", "450.00", day0);

        for (int day = 1; day <= 40; day++) {
            moveTo(day0.plusDays(day));
            if (day == 12) {
                api.post("/api/v1/payments", DunwellApi.paymentJson(DunwellApi.uniqueId("PAY"), tea, "GBP", "450.00", null))
                        .andExpect(status().isCreated());
            }
            JsonNode run = api.read(api.post("/api/v1/dunning-runs", "").andExpect(status().isAccepted()));
            jobs.runDue(run.get("id").asText());
            for (String account : List.of(acme, mueller, tea)) {
                JsonNode openCase = api.account(account).get("openCase");
                if (openCase != null && !openCase.isNull()) {
                    jobs.runDue(openCase.get("processInstanceId").asText());
                }
            }
            collectMail(day);
        }

        assertThat(received.get("acme")).containsExactly(
                "day 7: Payment reminder for account " + acme,
                "day 20: Second reminder: invoices overdue on account " + acme,
                "day 30: Final notice before collection: account " + acme);
        assertThat(received.get("mueller")).containsExactly(
                "day 7: Zahlungserinnerung zu Kundenkonto " + mueller,
                "day 20: Zweite Zahlungserinnerung zu Kundenkonto " + mueller,
                "day 30: Letzte Mahnung vor Übergabe an ein Inkassounternehmen: Kundenkonto " + mueller);
        assertThat(received.get("tea")).as("paid in full on day 12").containsExactly("day 7: Payment reminder for account " + tea);

        assertThat(pdfText(lastMailTo("acme"))).contains("N-" + day0, "N-" + day0.plusDays(5), "$1,500.50");
        assertThat(pdfText(lastMailTo("mueller"))).contains("N-" + day0, "1.190,00");

        assertThat(api.account(acme).get("openCase").get("currentSteps").toString()).contains("Call Acme Corp");
        assertThat(api.account(mueller).get("openCase").get("currentSteps").toString()).contains("Call Müller GmbH");
        JsonNode teaAccount = api.account(tea);
        assertThat(teaAccount.path("openCase").isMissingNode() || teaAccount.path("openCase").isNull()).as("no open case").isTrue();
        assertThat(teaAccount.get("collectionStatus").asText()).isEqualTo("GOOD_STANDING");

        JsonNode messages = api.read(api.get("/api/v1/messages?accountId=" + acme).andExpect(status().isOk()));
        assertThat(messages.findValuesAsText("template")).containsExactly("reminder-1", "reminder-2", "final-notice");
        assertThat(messages.findValuesAsText("status")).containsOnly("SENT");
        assertThat(api.timeline(tea).findValuesAsText("type")).containsSubsequence("DUNNING_CASE_OPENED", "NOTICE_SENT",
                "PAYMENT_RECEIVED", "DUNNING_CASE_CLOSED");
        assertThat(acmeOld).isNotEqualTo(acmeNew);
        assertThat(muellerInvoice).isNotBlank();
    }

    private void moveTo(LocalDate day) throws Exception {
        Instant afternoon = day.atTime(16, 0).toInstant(ZoneOffset.UTC);
        api.put("/api/v1/simulation/clock", "{\"now\": \"" + afternoon + "\"}").andExpect(status().isOk());
    }

    /** An account whose id and e-mail address start with {@code key}, by which the test tells the mail apart. */
    private String account(String key, String name, String locale, String zone, String currency) throws Exception {
        String id = DunwellApi.uniqueId(key);
        api.put("/api/v1/accounts/" + id, """
                {"name": "%s", "email": "%s@customer.example", "locale": "%s", "timeZone": "%s", "currency": "%s"}"""
                .formatted(name, id, locale, zone, currency)).andExpect(status().isCreated());
        return id;
    }

    private String invoice(String account, String currency, String amount, LocalDate due) throws Exception {
        String id = DunwellApi.uniqueId("INV");
        api.put("/api/v1/invoices/" + id, DunwellApi.invoiceJson(account, currency, amount, due)).andExpect(status().isCreated());
        return id;
    }

    /** Files the mail that arrived since the last call under the day; GreenMail lists mail per mailbox, not by arrival. */
    private void collectMail(int day) throws Exception {
        for (MimeMessage mail : mailbox.all()) {
            if (!seen.add(mail.getMessageID())) {
                continue;
            }
            String customer = mail.getAllRecipients()[0].toString().split("-")[0];
            received.computeIfAbsent(customer, c -> new ArrayList<>()).add("day " + day + ": " + mail.getSubject());
        }
    }

    private MimeMessage lastMailTo(String customer) throws Exception {
        MimeMessage last = null;
        for (MimeMessage mail : mailbox.all()) {
            if (mail.getAllRecipients()[0].toString().startsWith(customer + "-")) {
                last = mail;
            }
        }
        return last;
    }

    private static String pdfText(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("application/pdf")) {
                try (var pdf = Loader.loadPDF(part.getInputStream().readAllBytes())) {
                    return new PDFTextStripper().getText(pdf);
                }
            }
        }
        throw new AssertionError("no PDF attached to " + mail.getSubject());
    }
}
