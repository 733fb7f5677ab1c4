package io.dunwell.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.CaseJobs;
import io.dunwell.invoice.CreditNoteCommand;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.invoice.Receivables;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.system.SharedClock;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/**
 * LatePaymentChargesProcess, scheduled and started through the API: the EU rule (reference rate
 * 2.15 % + 8 points, 40 EUR) on the test segment, booked as charge invoices, each period once.
 * The clock stands on 22 November 2026, 10:00 UTC, so September and October 2026 are closed months;
 * the accounts are in Berlin. Interest is day by day on what was owed at the end of each day.
 */
@DunwellIntegrationTest
class LatePaymentChargesProcessTests {

    static final String SEGMENT = "latechargetest";

    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Receivables receivables;
    @Autowired Payments payments;
    @Autowired CreditNotes creditNotes;
    @Autowired Timeline timeline;
    @Autowired JdbcTemplate jdbc;
    @Autowired SharedClock clock;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired MockMvc mvc;

    CaseJobs jobs;

    @BeforeEach
    void setUp() {
        jobs = new CaseJobs(management);
        clock.setNow(Instant.parse("2026-11-22T10:00:00Z"));
        TestUsers.ensure(identity, "lcsupervisor", Roles.SUPERVISORS_GROUP);
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void scheduledRunChargesInterestPerClosedMonthAndTheCompensationOnce() {
        Account account = account(SEGMENT, "EUR");
        Invoice late = invoice(account, "R-100", LocalDate.of(2026, 8, 31), "1000.00", "EUR");

        runOnSchedule();

        assertThat(chargesOf(late)).containsExactly(
                "2026-09 INTEREST 30 days 10.1500 % on 1000.0000 = 8.3400",
                "2026-10 INTEREST 31 days 10.1500 % on 1000.0000 = 8.6200",
                "once FLAT 40.0000");
        assertThat(chargeInvoicesOf(account)).extracting(Invoice::getNumber, Invoice::getAmount, Invoice::getDueDate)
                .containsExactlyInAnyOrder(
                        tuple("LC-2026-09-I-R-100", new BigDecimal("8.34"), LocalDate.of(2026, 12, 6)),
                        tuple("LC-2026-10-I-R-100", new BigDecimal("8.62"), LocalDate.of(2026, 12, 6)),
                        tuple("LC-F-R-100", new BigDecimal("40.00"), LocalDate.of(2026, 12, 6)));
        assertThat(receivables.balancesOf(accounts.get(account.getId())).openBalance()).isEqualByComparingTo("1056.96");
        assertThat(timeline.of(account.getId())).map(TimelineEntry::getSummary).contains(
                "Late-payment interest 8.34 EUR on invoice R-100 for 2026-09: 30 days at 10.15 % (2.15 % reference + 8 points) on 1000.00 EUR",
                "Late-payment compensation 40.00 EUR on invoice R-100");
    }

    @Test
    void runTwiceThroughTheApiChargesEachPeriodOnce() throws Exception {
        Account account = account(SEGMENT, "EUR");
        Invoice late = invoice(account, "R-200", LocalDate.of(2026, 9, 30), "1000.00", "EUR");

        for (int i = 0; i < 2; i++) {
            String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/late-charges/runs").with(httpBasic("lcsupervisor", TestUsers.PASSWORD)))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            String run = new ObjectMapper().readTree(body).get("id").asText();
            jobs.runDue(run);
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult().getState()).isEqualTo("COMPLETED");
        }

        assertThat(chargesOf(late)).containsExactly("2026-10 INTEREST 31 days 10.1500 % on 1000.0000 = 8.6200", "once FLAT 40.0000");
        assertThat(chargeInvoicesOf(account)).hasSize(2);
    }

    @Test
    void aMonthLaterOnlyTheNewMonthIsChargedAndChargesBearNoInterest() {
        Account account = account(SEGMENT, "EUR");
        Invoice late = invoice(account, "R-300", LocalDate.of(2026, 10, 15), "2500.00", "EUR");
        runOnSchedule();
        assertThat(chargesOf(late)).containsExactly("2026-10 INTEREST 16 days 10.1500 % on 2500.0000 = 11.1200", "once FLAT 40.0000");

        clock.setNow(Instant.parse("2027-01-05T10:00:00Z"));
        runOnSchedule();

        assertThat(chargesOf(late)).containsExactly("2026-10 INTEREST 16 days 10.1500 % on 2500.0000 = 11.1200", "once FLAT 40.0000",
                "2026-11 INTEREST 30 days 10.1500 % on 2500.0000 = 20.8600",
                "2026-12 INTEREST 31 days 10.1500 % on 2500.0000 = 21.5500");
        assertThat(jdbc.queryForObject("select count(*) from late_charge where account_id = ?", Integer.class, account.getId()))
                .as("the first charges, overdue since 2026-12-06, got no interest of their own").isEqualTo(4);
    }

    @Test
    void aPartPaymentInTheMiddleOfAMonthLowersTheBalanceFromItsDay() {
        Account account = account(SEGMENT, "EUR");
        Invoice late = invoice(account, "R-500", LocalDate.of(2026, 8, 31), "1000.00", "EUR");
        // 10 October, 12:00 in Berlin; booked only now, six weeks later: the day it was received counts
        pay(account, "400.00", "2026-10-10T10:00:00Z");

        runOnSchedule();

        // September: 1,000.00 × 30 = 30,000 balance-days → 8.34; October: 1,000.00 × 9 + 600.00 × 22 = 22,200
        // balance-days × 10.15 / 36,500 = 6.17342… → 6.17 (on the balance at the run, 600.00, it would be 5.17)
        assertThat(chargesOf(late)).containsExactly(
                "2026-09 INTEREST 30 days 10.1500 % on 1000.0000 = 8.3400",
                "2026-10 INTEREST 31 days 10.1500 % on 22200.0000 balance-days = 6.1700",
                "once FLAT 40.0000");
        assertThat(breakdownOf(late, "2026-10")).isEqualTo("2026-10-01..2026-10-09 9 × 1000.00; 2026-10-10..2026-10-31 22 × 600.00");
        assertThat(timeline.of(account.getId())).map(TimelineEntry::getSummary).contains(
                "Late-payment interest 6.17 EUR on invoice R-500 for 2026-10: 31 days at 10.15 % (2.15 % reference + 8 points)"
                        + " on a balance that changed: 9 days on 1000.00 EUR from 2026-10-01, 22 days on 600.00 EUR from 2026-10-10");
    }

    @Test
    void anInvoicePaidLateInTheMiddleOfAMonthIsChargedUpToThePaymentOnce() {
        Account account = account(SEGMENT, "EUR");
        Invoice late = invoice(account, "R-600", LocalDate.of(2026, 9, 30), "1000.00", "EUR");
        runOnSchedule();
        assertThat(chargesOf(late)).containsExactly("2026-10 INTEREST 31 days 10.1500 % on 1000.0000 = 8.6200", "once FLAT 40.0000");

        clock.setNow(Instant.parse("2026-12-10T12:00:00Z"));
        pay(account, "1000.00", "2026-12-10T09:00:00Z");
        runOnSchedule();
        runOnSchedule();

        // November, over: 30,000 balance-days → 8.34; December 1 … 9, the 10th owed nothing at its end:
        // 1,000.00 × 9 = 9,000 balance-days × 10.15 / 36,500 = 2.50274… → 2.50
        List<String> charged = List.of("2026-10 INTEREST 31 days 10.1500 % on 1000.0000 = 8.6200", "once FLAT 40.0000",
                "2026-11 INTEREST 30 days 10.1500 % on 1000.0000 = 8.3400",
                "2026-12 INTEREST 9 days 10.1500 % on 1000.0000 = 2.5000");
        assertThat(chargesOf(late)).containsExactlyElementsOf(charged);
        assertThat(timeline.of(account.getId())).map(TimelineEntry::getSummary).contains(
                "Late-payment interest 2.50 EUR on invoice R-600 for 2026-12: 9 days at 10.15 % (2.15 % reference + 8 points)"
                        + " on 1000.00 EUR; paid in full on 2026-12-10");

        clock.setNow(Instant.parse("2027-01-05T10:00:00Z"));
        runOnSchedule();

        assertThat(chargesOf(late)).as("December, now over, was charged as the last month already").containsExactlyElementsOf(charged);
    }

    @Test
    void anInvoiceTheRunFirstSeesPaidLateGetsItsLastMonthAndTheCompensation() {
        Account account = account(SEGMENT, "EUR");
        Invoice late = invoice(account, "R-700", LocalDate.of(2026, 10, 31), "1000.00", "EUR");
        pay(account, "1000.00", "2026-11-16T10:00:00Z");

        runOnSchedule();
        runOnSchedule();

        // 1 … 15 November: 1,000.00 × 15 = 15,000 balance-days × 10.15 / 36,500 = 4.17123… → 4.17
        assertThat(chargesOf(late)).containsExactly("2026-11 INTEREST 15 days 10.1500 % on 1000.0000 = 4.1700", "once FLAT 40.0000");
        assertThat(timeline.of(account.getId())).map(TimelineEntry::getSummary)
                .contains("Late-payment compensation 40.00 EUR on invoice R-700 (paid late on 2026-11-16)");
    }

    @Test
    void nothingIsChargedOutsideAnEnabledSegmentOnAnInvoicePaidOnTimeOrCreditedOrInAnotherCurrencysCompensation() {
        Account disabled = account("enterprise", "EUR");
        Invoice notCharged = invoice(disabled, "R-400", LocalDate.of(2026, 8, 31), "1000.00", "EUR");
        Account paying = account(SEGMENT, "EUR");
        Invoice onTime = invoice(paying, "R-401", LocalDate.of(2026, 11, 20), "1000.00", "EUR");
        pay(paying, "1000.00", "2026-11-20T10:00:00Z");
        Account credited = account(SEGMENT, "EUR");
        Invoice writtenOff = invoice(credited, "R-403", LocalDate.of(2026, 10, 31), "1000.00", "EUR");
        creditNotes.record(new CreditNoteCommand("CN-" + UUID.randomUUID(), credited.getExternalId(), new BigDecimal("1000.00"), "EUR",
                Instant.parse("2026-11-16T10:00:00Z"), "written off", null));
        Account dollars = account(SEGMENT, "USD");
        Invoice inDollars = invoice(dollars, "R-402", LocalDate.of(2026, 9, 30), "1000.00", "USD");

        runOnSchedule();

        assertThat(chargesOf(notCharged)).isEmpty();
        assertThat(chargesOf(onTime)).isEmpty();
        assertThat(chargesOf(writtenOff)).as("a credit note cleared it: nothing more").isEmpty();
        assertThat(chargesOf(inDollars)).containsExactly("2026-10 INTEREST 31 days 10.1500 % on 1000.0000 = 8.6200");
    }

    @Test
    void aPaymentBookedLongerAgoThanTheLookbackLeavesItsInvoiceAlone() {
        clock.setNow(Instant.parse("2026-09-10T10:00:00Z"));
        Account account = account(SEGMENT, "EUR");
        Invoice late = invoice(account, "R-800", LocalDate.of(2026, 8, 31), "1000.00", "EUR");
        pay(account, "1000.00", "2026-09-10T09:00:00Z");

        clock.setNow(Instant.parse("2026-11-22T10:00:00Z"));
        runOnSchedule();

        assertThat(chargesOf(late)).as("booked 73 days ago, more than the 45 days looked back").isEmpty();
    }

    @Test
    void agentsMayNotStartARun() throws Exception {
        TestUsers.ensure(identity, "lcagent", Roles.AGENTS_GROUP);

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/late-charges/runs").with(httpBasic("lcagent", TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private void runOnSchedule() {
        Job schedule = management.createJobQuery().processDefinitionKey("LatePaymentChargesProcess").timers().singleResult();
        Set<String> before = runs();
        management.executeJob(schedule.getId());
        Set<String> started = runs();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        String run = started.iterator().next();
        jobs.runDue(run);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult().getState()).isEqualTo("COMPLETED");
    }

    private Set<String> runs() {
        return new HashSet<>(history.createHistoricProcessInstanceQuery().processDefinitionKey("LatePaymentChargesProcess").list()
                .stream().map(HistoricProcessInstance::getId).toList());
    }

    /** Interest rows read "on <balance>" when one balance held all month, else "on <balance-days> balance-days"; each must match the other. */
    private List<String> chargesOf(Invoice invoice) {
        return jdbc.query("select period, kind, days, annual_rate, base_amount, balance_days, amount from late_charge"
                        + " where invoice_id = ? order by id",
                (row, i) -> row.getString("period") + " " + row.getString("kind")
                        + (row.getObject("days") == null ? "" : " " + row.getInt("days") + " days "
                        + row.getBigDecimal("annual_rate").setScale(4) + " % on " + basis(row) + " =")
                        + " " + row.getBigDecimal("amount").setScale(4), invoice.getId());
    }

    private static String basis(ResultSet row) throws SQLException {
        BigDecimal base = row.getBigDecimal("base_amount");
        BigDecimal balanceDays = row.getBigDecimal("balance_days");
        if (base == null) {
            return balanceDays.setScale(4) + " balance-days";
        }
        assertThat(balanceDays).isEqualByComparingTo(base.multiply(BigDecimal.valueOf(row.getInt("days"))));
        return base.setScale(4).toPlainString();
    }

    private String breakdownOf(Invoice invoice, String period) {
        return jdbc.queryForObject("select breakdown from late_charge where invoice_id = ? and period = ? and kind = 'INTEREST'",
                String.class, invoice.getId(), period);
    }

    private void pay(Account account, String amount, String receivedAt) {
        payments.record(new PaymentCommand("PAY-" + UUID.randomUUID(), account.getExternalId(), new BigDecimal(amount), "EUR",
                Instant.parse(receivedAt), null, null));
    }

    private List<Invoice> chargeInvoicesOf(Account account) {
        return receivables.invoicesOf(account.getId()).stream().filter(i -> i.getExternalId().startsWith("late-charge-")).toList();
    }

    private Account account(String segment, String currency) {
        return accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Late Payer " + segment, null, null, "de-DE",
                "Europe/Berlin", currency, segment)).account();
    }

    private Invoice invoice(Account account, String number, LocalDate due, String amount, String currency) {
        return invoices.upsert(new InvoiceCommand("INV-" + UUID.randomUUID(), account.getExternalId(), number, due.minusDays(30), due,
                currency, new BigDecimal(amount), null, null)).value();
    }
}
