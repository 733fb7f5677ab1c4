package io.dunwell.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.dunwell.DunwellIntegrationTest;

@DunwellIntegrationTest
class ImportApiTests {

    private static final String ACCOUNT_HEADER = "externalId,name,email,phone,locale,timeZone,currency,segment\n";
    private static final String INVOICE_HEADER = "externalId,accountId,number,issueDate,dueDate,currency,amount,balance,status\n";
    private static final String PAYMENT_HEADER = "externalId,accountId,amount,currency,receivedAt,reference\n";

    @Autowired
    MockMvc mvc;

    private final String id = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void goodAccountRowsApplyAndBadOnesAreReportedWithLineAndFieldAndNotApplied() throws Exception {
        importCsv("accounts", "EXTERNALID,Name,email,phone,LOCALE,timezone,Currency,segment\n"
                + "A1-" + id + ",ACME GmbH,ap@acme.example,,de-DE,Europe/Berlin,EUR,enterprise\n"
                + "A2-" + id + ",Bad Currency Ltd,,,en-GB,Europe/London,EURO,\n"
                + "A3-" + id + ",Globex,,,en-US,America/New_York,USD,\n"
                + "A4-" + id + ",,not-an-email,,en-US,Mars/Olympus,USD,\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("accounts"))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.rows[*].line", contains(3, 5)))
                .andExpect(jsonPath("$.rows[*].externalId", contains("A2-" + id, "A4-" + id)))
                .andExpect(jsonPath("$.rows[*].outcome", everyItem(is("REJECTED"))))
                .andExpect(jsonPath("$.rows[0].errors[*].field", contains("currency")))
                .andExpect(jsonPath("$.rows[1].errors[*].field", containsInAnyOrder("name", "email", "timeZone")));

        account("A1-" + id).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("ACME GmbH"));
        account("A3-" + id).andExpect(status().isOk()).andExpect(jsonPath("$.currency").value("USD"));
        account("A2-" + id).andExpect(status().isNotFound());
        account("A4-" + id).andExpect(status().isNotFound());
    }

    @Test
    void invoiceRowsWithUnparseableValuesOrUnknownAccountsAreRejectedAndTheRestApplied() throws Exception {
        putAccount("C-" + id, "EUR");

        importCsv("invoices", INVOICE_HEADER
                + "I1-" + id + ",C-" + id + ",INV-1,2027-01-01,2027-01-31,EUR,100.00,,\n"
                + "I2-" + id + ",C-" + id + ",INV-2,2027-02-30,2027-03-31,EUR,50.00,,\n"
                + "I3-" + id + ",C-" + id + ",INV-3,2027-01-01,2027-01-31,EUR,\"1,000.00\",,\n"
                + "I4-" + id + ",NOBODY-" + id + ",INV-4,2027-01-01,2027-01-31,EUR,10.00,,\n"
                + "I5-" + id + ",C-" + id + ",INV-5,2027-01-01,2027-01-31,EUR,10.001,,\n"
                + "I6-" + id + ",C-" + id + ",INV-6,2027-01-05,2027-02-05,EUR,20.00,5.00,\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(6))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.rows[*].line", contains(3, 4, 5, 6)))
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("issueDate"))
                .andExpect(jsonPath("$.rows[0].errors[0].message", containsString("2027-02-30")))
                .andExpect(jsonPath("$.rows[1].errors[0].field").value("amount"))
                .andExpect(jsonPath("$.rows[2].errors[0].field").value("accountId"))
                .andExpect(jsonPath("$.rows[3].errors[0].field").value("amount"));

        invoice("I1-" + id).andExpect(status().isOk()).andExpect(jsonPath("$.balance").value("100.00"));
        invoice("I6-" + id).andExpect(status().isOk()).andExpect(jsonPath("$.balance").value("5.00"));
        for (String rejected : new String[] {"I2-", "I3-", "I4-", "I5-"}) {
            invoice(rejected + id).andExpect(status().isNotFound());
        }
        account("C-" + id).andExpect(jsonPath("$.balance").value("105.00"));
    }

    @Test
    void reimportingTheSameFilesChangesNothingAndDuplicatesNothing() throws Exception {
        String accounts = ACCOUNT_HEADER + "R-" + id + ",Initech,,,en-US,America/Chicago,USD,smb\n";
        String invoices = INVOICE_HEADER
                + "RI1-" + id + ",R-" + id + ",INV-1,2027-01-01,2027-01-31,USD,100.00,,\n"
                + "RI2-" + id + ",R-" + id + ",INV-2,2027-02-01,2027-02-28,USD,40.00,,\n";
        importCsv("accounts", accounts).andExpect(jsonPath("$.created").value(1));
        importCsv("invoices", invoices).andExpect(jsonPath("$.created").value(2));

        importCsv("accounts?details=all", accounts)
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.rows[*].outcome", contains("UNCHANGED")));
        importCsv("invoices?details=all", invoices)
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.unchanged").value(2))
                .andExpect(jsonPath("$.rows[*].line", contains(2, 3)))
                .andExpect(jsonPath("$.rows[*].externalId", contains("RI1-" + id, "RI2-" + id)))
                .andExpect(jsonPath("$.rows[*].outcome", contains("UNCHANGED", "UNCHANGED")));

        account("R-" + id).andExpect(jsonPath("$.balance").value("140.00")).andExpect(jsonPath("$.openInvoiceCount").value(2));
    }

    @Test
    void aChangedRowIsReportedAsUpdated() throws Exception {
        importCsv("accounts", ACCOUNT_HEADER + "U-" + id + ",Umbrella,,,en-US,America/Chicago,USD,\n");

        importCsv("accounts?details=all", ACCOUNT_HEADER + "U-" + id + ",Umbrella Corp,,,en-US,America/Chicago,USD,\n")
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.rows[0].outcome").value("UPDATED"));
        account("U-" + id).andExpect(jsonPath("$.name").value("Umbrella Corp"));
    }

    @Test
    void theSameIdTwiceInOneFileIsCreatedThenUpdated() throws Exception {
        importCsv("accounts?details=all", ACCOUNT_HEADER
                + "T-" + id + ",First Name,,,en-US,America/Chicago,USD,\n"
                + "T-" + id + ",Second Name,,,en-US,America/Chicago,USD,\n")
                .andExpect(jsonPath("$.rows[*].outcome", contains("CREATED", "UPDATED")));

        account("T-" + id).andExpect(jsonPath("$.name").value("Second Name"));
    }

    @Test
    void aMultipartUploadImportsLikeATextCsvBody() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "accounts.csv", "text/csv",
                (ACCOUNT_HEADER + "M-" + id + ",Multipart AG,,,de-DE,Europe/Berlin,EUR,\n").getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/v1/imports/accounts").file(file).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        account("M-" + id).andExpect(jsonPath("$.name").value("Multipart AG"));
    }

    @Test
    void aMultipartUploadWithoutAFilePartIsRefused() throws Exception {
        MockMultipartFile other = new MockMultipartFile("upload", "accounts.csv", "text/csv",
                ACCOUNT_HEADER.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/v1/imports/accounts").file(other).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() throws Exception {
        byte[] csv = ("\uFEFF" + ACCOUNT_HEADER + "B-" + id + ",Bom & Co,,,fr-FR,Europe/Paris,EUR,\n")
                .getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/api/v1/imports/accounts").contentType("text/csv").content(csv).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        account("B-" + id).andExpect(jsonPath("$.name").value("Bom & Co"));
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndNewlinesAndLinesStayExact() throws Exception {
        importCsv("accounts", ACCOUNT_HEADER
                + "Q1-" + id + ",\"Smith, Jones & \"\"Partners\"\"\",,,en-GB,Europe/London,GBP,\n"
                + "Q2-" + id + ",\"Two\nLines Ltd\",,,en-GB,Europe/London,GBP,\n"
                + "\n"
                + "Q3-" + id + ",Broken,,,en-GB,Europe/London,GBPX,\n")
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rows[0].line").value(6))
                .andExpect(jsonPath("$.rows[0].externalId").value("Q3-" + id));

        account("Q1-" + id).andExpect(jsonPath("$.name").value("Smith, Jones & \"Partners\""));
        account("Q2-" + id).andExpect(jsonPath("$.name").value("Two\nLines Ltd"));
    }

    @Test
    void aMissingRequiredColumnRefusesTheFileBeforeAnyRowIsApplied() throws Exception {
        importCsv("accounts", "externalId,name,locale,timeZone\n" + "H-" + id + ",No Currency,en-US,America/Chicago\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dunwell:problem:validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("currency")))
                .andExpect(jsonPath("$.errors[0].message").value("is a required column"));

        account("H-" + id).andExpect(status().isNotFound());
    }

    @Test
    void unknownColumnsAreListedAndNothingIsApplied() throws Exception {
        importCsv("invoices", "externalId,accountId,number,issueDate,dueDate,currency,amount,vat,customer\n"
                + "X-" + id + ",C-" + id + ",INV-1,2027-01-01,2027-01-31,EUR,100.00,19,ACME\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("vat", "customer")));

        invoice("X-" + id).andExpect(status().isNotFound());
    }

    @Test
    void aRowWithMoreOrFewerValuesThanTheHeaderIsRejected() throws Exception {
        importCsv("accounts", ACCOUNT_HEADER
                + "W1-" + id + ",Acme, Inc,,,en-US,America/Chicago,USD,\n"
                + "W2-" + id + ",Short\n"
                + "W3-" + id + ",Fine Inc,,,en-US,America/Chicago,USD,\n")
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rows[*].line", contains(2, 3)))
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("row"))
                .andExpect(jsonPath("$.rows[0].errors[0].message").value("has 9 values but the header has 8 columns"));

        account("W1-" + id).andExpect(status().isNotFound());
        account("W3-" + id).andExpect(status().isOk());
    }

    @Test
    void malformedCsvStopsTheImportAtThatLineAndKeepsTheRowsBefore() throws Exception {
        importCsv("accounts", ACCOUNT_HEADER
                + "V1-" + id + ",Valid,,,en-US,America/Chicago,USD,\n"
                + "V2-" + id + ",\"Unclosed,,,en-US,America/Chicago,USD,\n"
                + "V3-" + id + ",After,,,en-US,America/Chicago,USD,\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.rows[0].line").value(3))
                .andExpect(jsonPath("$.rows[0].errors[0].message", containsString("not valid CSV")));

        account("V1-" + id).andExpect(status().isOk());
        account("V3-" + id).andExpect(status().isNotFound());
    }

    @Test
    void paymentsReplayAsUnchangedAndTheSameIdWithOtherContentIsRejectedAsAConflict() throws Exception {
        putAccount("P-" + id, "EUR");
        importCsv("invoices", INVOICE_HEADER + "PI-" + id + ",P-" + id + ",INV-1,2027-01-01,2027-01-31,EUR,100.00,,\n");
        String payment = "PAY1-" + id + ",P-" + id + ",30.00,EUR,2027-02-10T08:00:00Z,bank transfer 4711\n";

        importCsv("payments", PAYMENT_HEADER + payment
                + "PAY2-" + id + ",P-" + id + ",ten,EUR,2027-02-10T08:00:00Z,\n"
                + "PAY3-" + id + ",P-" + id + ",5.00,EUR,yesterday,\n"
                + "PAY4-" + id + ",P-" + id + ",5.00,EUR,2027-02-10T08:00:00Z," + "x".repeat(201) + "\n")
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.rows[*].line", contains(3, 4, 5)))
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("amount"))
                .andExpect(jsonPath("$.rows[1].errors[0].field").value("receivedAt"))
                .andExpect(jsonPath("$.rows[2].errors[0].field").value("reference"));

        importCsv("payments?details=all", PAYMENT_HEADER + payment
                + "PAY1-" + id + ",P-" + id + ",31.00,EUR,2027-02-10T08:00:00Z,bank transfer 4711\n")
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.rows[*].outcome", contains("UNCHANGED", "REJECTED")))
                .andExpect(jsonPath("$.rows[1].line").value(3))
                .andExpect(jsonPath("$.rows[1].errors[0].field").value("externalId"))
                .andExpect(jsonPath("$.rows[1].errors[0].message", containsString("other content")));

        invoice("PI-" + id).andExpect(jsonPath("$.balance").value("70.00"));
        account("P-" + id).andExpect(jsonPath("$.balance").value("70.00"));
        mvc.perform(get("/api/v1/payments/PAY2-" + id).with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/PAY4-" + id).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void anOverlongValueIsRejectedAloneAndTheRestOfItsChunkApplies() throws Exception {
        String tooLongForItsColumn = "en-US-x-abcdefgh-abcdefgh-abcdefgh-abcdefgh"; // a valid tag, longer than 35

        importCsv("accounts", ACCOUNT_HEADER
                + "L1-" + id + ",Before,,,en-US,America/Chicago,USD,\n"
                + "L2-" + id + ",Long Locale,,," + tooLongForItsColumn + ",America/Chicago,USD,\n"
                + "L3-" + id + ",After,,,en-US,America/Chicago,USD,\n")
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.rows[0].line").value(3))
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("locale"))
                .andExpect(jsonPath("$.rows[0].errors[0].message", containsString("at most 35 characters")));

        account("L1-" + id).andExpect(status().isOk());
        account("L2-" + id).andExpect(status().isNotFound());
        account("L3-" + id).andExpect(status().isOk());
    }

    @Test
    void rowsAreReportedByTheirLineAcrossChunks() throws Exception {
        putAccount("K-" + id, "EUR");
        StringBuilder csv = new StringBuilder(INVOICE_HEADER);
        for (int n = 1; n <= 1_200; n++) {
            String amount = n == 1_100 ? "-1.00" : "10.00";
            csv.append("K").append(n).append("-").append(id).append(",K-").append(id).append(",INV-").append(n)
                    .append(",2027-01-01,2027-01-31,EUR,").append(amount).append(",,\n");
        }

        importCsv("invoices", csv.toString())
                .andExpect(jsonPath("$.total").value(1_200))
                .andExpect(jsonPath("$.created").value(1_199))
                .andExpect(jsonPath("$.rows[*].line", contains(1_101)))
                .andExpect(jsonPath("$.rows[0].externalId").value("K1100-" + id));

        invoice("K1100-" + id).andExpect(status().isNotFound());
        account("K-" + id).andExpect(jsonPath("$.balance").value("11990.00"));
    }

    @Test
    void anEmptyFileIsRefusedAndAHeaderOnlyFileImportsNothing() throws Exception {
        importCsv("payments", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("is empty")));

        importCsv("payments", PAYMENT_HEADER)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("payments"))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.rows", empty()));
    }

    @Test
    void aReportListsOnlyRejectedRowsUnlessAskedForAll() throws Exception {
        String csv = ACCOUNT_HEADER + "D1-" + id + ",One,,,en-US,America/Chicago,USD,\n"
                + "D2-" + id + ",Two,,,en-US,America/Chicago,USD,\n";

        importCsv("accounts", csv).andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.rows", empty()));
        importCsv("accounts?details=all", csv).andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[0].errors").doesNotExist());
        importCsv("accounts?details=some", csv).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("details"));
    }

    @Test
    void anImportWithoutCredentialsIsRefusedAndAppliesNothing() throws Exception {
        mvc.perform(post("/api/v1/imports/accounts").contentType("text/csv")
                        .content(ACCOUNT_HEADER + "N-" + id + ",Nobody,,,en-US,America/Chicago,USD,\n"))
                .andExpect(status().is4xxClientError());

        account("N-" + id).andExpect(status().isNotFound());
    }

    private ResultActions importCsv(String path, String csv) throws Exception {
        return mvc.perform(post("/api/v1/imports/" + path).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)).with(admin()));
    }

    private void putAccount(String externalId, String currency) throws Exception {
        mvc.perform(put("/api/v1/accounts/" + externalId).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Test Account","locale":"en-US","timeZone":"Europe/Berlin","currency":"%s"}
                                """.formatted(currency)))
                .andExpect(status().isCreated());
    }

    private ResultActions account(String externalId) throws Exception {
        return mvc.perform(get("/api/v1/accounts/" + externalId).with(admin()));
    }

    private ResultActions invoice(String externalId) throws Exception {
        return mvc.perform(get("/api/v1/invoices/" + externalId).with(admin()));
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", "admin-secret");
    }
}
