package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;


import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;


import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.CreditNoteCommand;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.Payments;
import io.dunwell.system.SharedClock;

/** The automatic part of DunningCaseProcess: reminders at 7, 20 and 30 days, catch-up, spacing, re-anchoring, settling. */
@DunwellIntegrationTest
class NoticeCadenceProcessTests {

    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Payments payments;
    @Autowired
    CreditNotes creditNotes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SharedClock clock;
    @Autowired
    DunningRun run;
    @Autowired
    DunningCases cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngine engine;

    Delinquents delinquents;
    CaseJobs jobs;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        delinquents = new Delinquents(accounts, invoices, payments, jdbc, clock);
        jobs = new CaseJobs(management);
        mailbox = Mailbox.start();
        // start every test at 10:00 in Berlin, so "the notice time of a day" is unambiguous
        Instant now = clock.instant();
        LocalDate berlinToday = LocalDate.ofInstant(now, ZoneId.of("Europe/Berlin"));
        Instant tenAm = berlinToday.plusDays(1).atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        clock.setNow(tenAm);
    }

    @AfterEach
    void stopSmtp() {
        mailbox.stop();
    }

    @Test
    void remindersGoOutAtSevenTwentyAndThirtyDaysThenAnAgentCalls() {
        Account account = delinquents.overdue(8, "100.00");
        ProcessInstance instance = open(account);

        jobs.runDue(instance.getId());
        assertThat(subjectsOf(account)).containsExactly("Payment reminder for account " + account.getExternalId());
        assertThat(instance).isWaitingAt("TimerEvent_NextNoticeDue");

        moveToDaysPastDue(account, 20);
        jobs.runDue(instance.getId());
        assertThat(subjectsOf(account)).hasSize(2).last().isEqualTo("Second reminder: invoices overdue on account " + account.getExternalId());

        moveToDaysPastDue(account, 30);
        jobs.runDue(instance.getId());
        assertThat(subjectsOf(account)).hasSize(3).last().isEqualTo("Final notice before collection: account " + account.getExternalId());

        assertThat(instance).isWaitingAt("Task_CallCustomer")
                .hasPassedInOrder("Task_SendDunningNotice", "Task_SendDunningNotice", "Task_SendDunningNotice", "Task_PrepareCall");
        assertThat(instance).variables().containsEntry("noticeLevel", 3).containsEntry("nextStep", "COLLECT");
    }

    @Test
    void caseOpenedLateSendsOnlyTheNoticeItsAgeCallsFor() {
        Account account = delinquents.overdue(45, "100.00");
        ProcessInstance instance = open(account);

        jobs.runDue(instance.getId());

        assertThat(subjectsOf(account)).containsExactly("Final notice before collection: account " + account.getExternalId());
        assertThat(instance).isWaitingAt("Task_CallCustomer");
    }

    @Test
    void noticesKeepTheMinimumSpacingWhenTheNextLevelIsDueSooner() {
        Account account = delinquents.overdue(19, "100.00");
        ProcessInstance instance = open(account);
        jobs.runDue(instance.getId());
        assertThat(subjectsOf(account)).hasSize(1);

        moveToDaysPastDue(account, 21);
        jobs.runDue(instance.getId());
        assertThat(subjectsOf(account)).as("second reminder is due at 20 days but the first went out 2 days ago").hasSize(1);

        clock.advance(Duration.ofDays(4));
        jobs.runDue(instance.getId());
        assertThat(subjectsOf(account)).as("five days after the first").hasSize(2).last().asString().startsWith("Second reminder");
    }

    @Test
    void payingTheOldestInvoiceReanchorsTheScheduleOnTheNextOne() {
        Account account = delinquents.account("Europe/Berlin");
        LocalDate today = account.today(clock);
        delinquents.invoice(account, today.minusDays(8), "100.00");
        delinquents.invoice(account, today.minusDays(2), "100.00");
        ProcessInstance instance = open(account);
        jobs.runDue(instance.getId());
        assertThat(subjectsOf(account)).hasSize(1);

        delinquents.pay(account, "100.00");
        clock.setNow(today.plusDays(12).atTime(9, 1).atZone(account.zone()).toInstant());
        jobs.runDue(instance.getId());

        assertThat(subjectsOf(account)).as("the second invoice is only 14 days past due").hasSize(1);
        assertThat(instance).isWaitingAt("TimerEvent_NextNoticeDue");
    }

    @Test
    void paymentThatClearsTheAccountEndsTheCaseAsSettled() {
        Account account = delinquents.overdue(8, "100.00");
        ProcessInstance instance = open(account);
        jobs.runDue(instance.getId());

        delinquents.pay(account, "100.00");

        assertThat(instance).isEnded().hasPassed("StartEvent_PaymentReceived", "Task_CloseCasePaid", "EndEvent_AccountPaid");
        assertThat(cases.activeFor(account.getId())).isEmpty();
        assertThat(accounts.get(account.getId()).getCollectionStatus()).isEqualTo("GOOD_STANDING");
    }

    @Test
    void creditNoteThatClearsTheAccountEndsTheCaseAsSettled() {
        Account account = delinquents.overdue(25, "100.00");
        ProcessInstance instance = open(account);
        jobs.runDue(instance.getId());

        creditNotes.record(new CreditNoteCommand("CN-" + UUID.randomUUID(), account.getExternalId(),
                new BigDecimal("100.00"), account.getCurrency(), clock.instant(), "goodwill", null));

        assertThat(instance).isEnded().hasPassed("StartEvent_PaymentReceived", "EndEvent_AccountPaid");
        assertThat(cases.activeFor(account.getId())).isEmpty();
    }

    @Test
    void partialPaymentKeepsTheCaseGoing() {
        Account account = delinquents.overdue(8, "100.00");
        ProcessInstance instance = open(account);
        jobs.runDue(instance.getId());

        delinquents.pay(account, "40.00");

        assertThat(instance).isNotEnded().isWaitingAt("TimerEvent_NextNoticeDue");
        assertThat(cases.activeFor(account.getId())).isPresent();
    }

    @Test
    void accountPaidBeforeItsFirstStepSettlesWithoutANotice() {
        Account account = delinquents.account("Europe/Berlin");
        LocalDate due = account.today(clock).minusDays(8);
        String invoiceId = "EXT-" + UUID.randomUUID();
        invoices.upsert(invoice(invoiceId, account, due, "100.00"));
        ProcessInstance instance = open(account);
        // the billing system reports the invoice paid before the case's first job runs: no payment, no message
        invoices.upsert(invoice(invoiceId, account, due, "0.00"));

        jobs.runDue(instance.getId());

        assertThat(instance).isEnded().hasPassed("Task_CloseCaseSettled", "EndEvent_AccountSettled").hasNotPassed("Task_QueueDunningNotice");
        assertThat(subjectsOf(account)).isEmpty();
    }

    private static InvoiceCommand invoice(String externalId, Account account, LocalDate due, String balance) {
        return new InvoiceCommand(externalId, account.getExternalId(), "INV-1", due.minusDays(14), due,
                account.getCurrency(), new BigDecimal("100.00"), new BigDecimal(balance), null);
    }

    private ProcessInstance open(Account account) {
        DunningCase dunningCase = run.openCase(account.getId()).orElseThrow();
        return runtime.createProcessInstanceQuery().processInstanceId(dunningCase.getProcessInstanceId()).singleResult();
    }

    /** Moves the clock to the notice time (09:00 local) of the day the oldest invoice is {@code days} past due, plus a minute. */
    private void moveToDaysPastDue(Account account, int days) {
        LocalDate oldestDue = jdbc.queryForObject("select min(due_date) from invoice where account_id = ? and status = 'OPEN'",
                LocalDate.class, account.getId());
        Instant target = oldestDue.plusDays(days).atTime(9, 1).atZone(account.zone()).toInstant();
        if (target.isAfter(clock.instant())) {
            clock.setNow(target);
        }
    }

    private List<String> subjectsOf(Account account) {
        return mailbox.subjectsTo(account.getEmail());
    }
}
