package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.promise.Promises;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.SharedClock;

/**
 * Promises to pay in DunningCaseProcess, one method per path: from the agent's call through the
 * confirmation, the reminder before each installment and the check after it. Each case starts
 * right before the call sheet, with all three notices already sent.
 */
@DunwellIntegrationTest
class PromiseProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired Promises promises;
    @Autowired DunningCases cases;
    @Autowired SharedClock clock;

    CaseJobs jobs;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        jobs = new CaseJobs(management);
        mailbox = Mailbox.start();
    }

    @AfterEach
    void tearDown() {
        mailbox.stop();
        BpmnAwareTests.reset();
    }

    @Test
    void installmentPlanKeptInstallmentByInstallmentGoesBackToPlanning() throws Exception {
        Account account = account();
        invoice(account, 40, "1000.00");
        ProcessInstance pi = startBeforeCall(account);
        LocalDate first = today(account).plusDays(10);

        promise(pi, first, "600.00", 2);
        assertThat(pi).isWaitingAt("TimerEvent_InstallmentReminderDue");
        assertThat(subjectsOf(account)).containsExactly("Thank you for your promise to pay: account " + account.getExternalId());

        at(account, first.minusDays(3));
        jobs.runDue(pi.getId());
        assertThat(subjectsOf(account)).hasSize(2);
        assertThat(pi).isWaitingAt("TimerEvent_InstallmentCheckDue");

        pay(account, "300.00");
        at(account, first.plusDays(2));
        jobs.runDue(pi.getId());
        assertThat(pi).isWaitingAt("TimerEvent_InstallmentReminderDue").variables()
                .containsEntry("installmentOutcome", "KEPT").containsEntry("installmentNumber", 2);

        pay(account, "300.00");
        at(account, first.plusMonths(1).plusDays(2));
        jobs.runDue(pi.getId());

        assertThat(pi).hasPassed("Gateway_InstallmentKept", "Task_PlanNextNotice").isWaitingAt("Task_CallCustomer");
        assertThat(subjectsOf(account)).as("confirmation and two installment reminders").hasSize(3);
        assertThat(promises.of(account.getId())).singleElement().satisfies(p -> assertThat(p.getStatus().name()).isEqualTo("KEPT"));
    }

    @Test
    void paymentThatClearsTheAccountDuringAPromiseSettlesTheCase() throws Exception {
        Account account = account();
        invoice(account, 40, "500.00");
        ProcessInstance pi = startBeforeCall(account);
        promise(pi, today(account).plusDays(7), "500.00", 1);

        pay(account, "500.00");

        assertThat(pi).isEnded().hasPassed("Task_SendPromiseConfirmation", "EndEvent_AccountPaid");
        assertThat(accounts.get(account.getId()).getCollectionStatus()).isEqualTo(CollectionStatus.GOOD_STANDING);
    }

    @Test
    void brokenPromiseSendsANoticeAndGoesBackToTheAgent() throws Exception {
        Account account = account();
        invoice(account, 40, "800.00");
        ProcessInstance pi = startBeforeCall(account);
        LocalDate date = today(account).plusDays(5);
        promise(pi, date, "800.00", 1);

        at(account, date.plusDays(2));
        jobs.runDue(pi.getId());

        assertThat(pi).hasPassedInOrder("Task_CheckInstallment", "Task_SendBrokenPromiseNotice", "Task_PrepareFollowUp")
                .isWaitingAt("Task_FollowUpBrokenPromise").variables().containsEntry("brokenPromises", 1);
        assertThat(task(pi)).hasName("Follow up broken promise of Promise Keeper Inc").hasCandidateGroup("agents");
        assertThat(subjectsOf(account)).hasSize(3).last().asString().contains("not kept");
        assertThat(accounts.get(account.getId()).getCollectionStatus()).isEqualTo(CollectionStatus.IN_COLLECTIONS);
    }

    @Test
    void secondBrokenPromiseEscalatesToSupervisor() throws Exception {
        Account account = account();
        invoice(account, 40, "800.00");
        ProcessInstance pi = startBeforeCall(account);
        LocalDate date = today(account).plusDays(5);
        promise(pi, date, "800.00", 1);
        at(account, date.plusDays(2));
        jobs.runDue(pi.getId());

        LocalDate second = date.plusDays(10);
        promise(pi, second, "800.00", 1);
        at(account, second.plusDays(2));
        jobs.runDue(pi.getId());

        assertThat(pi).hasPassed("Gateway_SecondBrokenPromise", "Task_PrepareEscalation").isWaitingAt("Task_ReviewEscalation")
                .variables().containsEntry("brokenPromises", 2).containsEntry("escalationReason", "second broken promise");
        assertThat(task(pi)).hasCandidateGroup("supervisors");
    }

    @Test
    void promiseDatedInThePastLeavesTheCallOpenAndRecordsNothing() {
        Account account = account();
        invoice(account, 40, "800.00");
        ProcessInstance pi = startBeforeCall(account);
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> promise(pi, today(account).minusDays(1), "800.00", 1)).isInstanceOf(BadRequestException.class);

        assertThat(pi).isWaitingAt("Task_CallCustomer");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(promises.of(account.getId())).isEmpty();
    }

    private void promise(ProcessInstance pi, LocalDate date, String amount, int installments) throws Exception {
        Map<String, Object> form = new HashMap<>(Map.of("callOutcome", "promise", "promiseDate", date.toString(),
                "promiseAmount", amount, "installmentCount", (long) installments, "installmentInterval", "P1M",
                "callNote", "promised on the phone"));
        tasks.complete(task(pi).getId(), form);
        jobs.runDue(pi.getId());
    }

    private Account account() {
        return accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Promise Keeper Inc", "pk-" + UUID.randomUUID()
                + "@customer.example", null, "en-US", "America/New_York", "USD", null)).account();
    }

    private void invoice(Account account, int daysPastDue, String amount) {
        LocalDate due = today(account).minusDays(daysPastDue);
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-" + daysPastDue,
                due.minusDays(14), due, account.getCurrency(), new BigDecimal(amount), null, null));
    }

    private void pay(Account account, String amount) {
        payments.record(new PaymentCommand("PAY-" + UUID.randomUUID(), account.getExternalId(), new BigDecimal(amount),
                account.getCurrency(), clock.instant(), null, null));
    }

    private LocalDate today(Account account) {
        return account.today(clock);
    }

    /** Moves the clock to 09:01 on that day in the account's time zone, just after the day's timers. */
    private void at(Account account, LocalDate day) {
        clock.setNow(day.atTime(9, 1).atZone(account.zone()).toInstant());
    }

    private ProcessInstance startBeforeCall(Account account) {
        return runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY)
                .businessKey(account.getExternalId())
                .setVariable(DunningCaseVariables.ACCOUNT_ID, account.getId())
                .setVariable(DunningCaseVariables.CASE_ID, cases.open(account.getId()).orElseThrow().getId())
                .setVariable(DunningCaseVariables.NOTICE_LEVEL, 3)
                .startBeforeActivity("Task_PrepareCall")
                .execute();
    }

    private List<String> subjectsOf(Account account) {
        return mailbox.subjectsTo(account.getEmail());
    }
}
