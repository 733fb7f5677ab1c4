package io.dunwell.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.bulk.process.MoneyMoveApprovalVariables;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/**
 * MoneyMoveApprovalProcess, one method per path: a bulk write-off above the requester's limits
 * waits at Task_ApproveMoneyMove for the group the decision names; the requester cannot complete
 * it; another approver's approval books it once; a rejection books nothing.
 */
@DunwellIntegrationTest
class MoneyMoveApprovalProcessTests {

    static final String REQUESTER = "moneymoverequester";
    static final String APPROVER = "moneymoveapprover";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Receivables receivables;
    @Autowired CreditNotes creditNotes;
    @Autowired BulkActions bulkActions;
    @Autowired DunningCases cases;
    @Autowired Clock clock;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        TestUsers.ensure(identity, REQUESTER, Roles.SUPERVISORS_GROUP);
        TestUsers.ensure(identity, APPROVER, Roles.SUPERVISORS_GROUP);
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void writeOffWithinTheRequestersLimitBooksAtOnceWithoutAnApproval() {
        Account account = accountOwing("800.00");

        BulkResult run = writeOff(account);

        assertThat(run.approval()).isNull();
        assertThat(run.accounts().get(0).status()).isEqualTo(BulkResult.DONE);
        assertThat(openBalance(account)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(MoneyMoveApprovalVariables.businessKeyOf(run.id()))
                .count()).isZero();
    }

    @Test
    void writeOffAboveTheRequestersLimitWaitsForAnotherSupervisor() {
        Account account = accountOwing("1200.00", "1800.00");

        BulkResult run = writeOff(account);
        ProcessInstance pi = approvalOf(run);

        assertThat(pi).hasPassedInOrder("StartEvent_ApprovalRequested", "Task_PrepareApproval").isWaitingAt("Task_ApproveMoneyMove");
        assertThat(task(pi)).hasName("Approve bulk writeOff").hasCandidateGroup("supervisors").isNotAssigned();
        assertThat(pi).variables()
                .containsEntry("bulkActionId", run.id())
                .containsEntry("requestedBy", REQUESTER)
                .containsEntry("approverGroup", "supervisors")
                .containsEntry("moneyMove", "writeOff")
                .containsEntry("consoleLink", "/accounts/bulk/" + run.id())
                .containsEntry("moneyMoveSummary", "1 accounts, 3000.00 EUR in all, as of " + run.asOf() + ", requested by " + REQUESTER)
                .hasSize(6);
        assertThat(run.awaitingApproval()).isTrue();
        assertThat(openBalance(account)).isEqualByComparingTo("3000.00");
    }

    @Test
    void theRequesterCannotCompleteTheApproval() {
        Account account = accountOwing("3000.00");
        ProcessInstance pi = approvalOf(writeOff(account));

        assertThatThrownBy(() -> completeAs(REQUESTER, pi, "approve"))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining(REQUESTER + " requested this");

        assertThat(pi).isWaitingAt("Task_ApproveMoneyMove");
        assertThat(pi).hasNotPassed("Task_RecordMoneyMoveDecision");
        assertThat(openBalance(account)).isEqualByComparingTo("3000.00");
    }

    @Test
    void anotherSupervisorsApprovalBooksTheRunOnce() {
        Account account = accountOwing("3000.00");
        BulkResult run = writeOff(account);
        ProcessInstance pi = approvalOf(run);

        completeAs(APPROVER, pi, "approve");

        assertThat(pi).hasPassedInOrder("Task_ApproveMoneyMove", "Task_RecordMoneyMoveDecision", "Gateway_MoneyMoveApproved")
                .isWaitingAt("Task_RunApprovedBulkAction");
        assertThat(openBalance(account)).isEqualByComparingTo("3000.00");
        runJob(pi);
        bulkActions.runApproved(run.id());

        assertThat(pi).hasPassed("Task_RunApprovedBulkAction", "EndEvent_MoneyMoved").hasNotPassed("EndEvent_MoneyMoveRejected").isEnded();
        BulkResult done = bulkActions.find(run.id());
        assertThat(done.approval().status()).isEqualTo(BulkResult.APPROVED);
        assertThat(done.approval().decidedBy()).isEqualTo(APPROVER);
        assertThat(done.accounts().get(0).status()).isEqualTo(BulkResult.DONE);
        assertThat(openBalance(account)).isZero();
        assertThat(creditNotes.of(account.getId())).hasSize(1).allSatisfy(note -> {
            assertThat(note.getAmount()).isEqualByComparingTo("3000.00");
            assertThat(note.getReason()).contains("Write-off by " + REQUESTER + ", approved by " + APPROVER);
        });
    }

    @Test
    void theApprovedWriteOffEndsTheAccountsDunningCaseFromTheApprovalsJob() {
        Account account = accountOwing("3000.00");
        Long caseId = cases.open(account.getId()).orElseThrow().getId();
        ProcessInstance dunningCase = runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY)
                .businessKey(account.getExternalId()).setVariable(DunningCaseVariables.ACCOUNT_ID, account.getId())
                .setVariable(DunningCaseVariables.CASE_ID, caseId).startBeforeActivity("Task_PrepareCall").execute();
        cases.attachProcess(caseId, dunningCase.getId());
        ProcessInstance pi = approvalOf(writeOff(account));

        completeAs(APPROVER, pi, "approve");
        runJob(pi);

        assertThat(pi).hasPassed("Task_RunApprovedBulkAction").isEnded();
        assertThat(openBalance(account)).isZero();
        assertThat(cases.activeFor(account.getId())).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(dunningCase.getId()).count()).isZero();
    }

    @Test
    void aRejectionBooksNothing() {
        Account account = accountOwing("3000.00");
        BulkResult run = writeOff(account);
        ProcessInstance pi = approvalOf(run);

        completeAs(APPROVER, pi, "reject");
        bulkActions.runApproved(run.id());

        assertThat(pi).hasPassedInOrder("Task_RecordMoneyMoveDecision", "Gateway_MoneyMoveApproved", "EndEvent_MoneyMoveRejected")
                .hasNotPassed("Task_RunApprovedBulkAction").isEnded();
        BulkResult rejected = bulkActions.find(run.id());
        assertThat(rejected.approval().status()).isEqualTo(BulkResult.REJECTED);
        assertThat(rejected.accounts().get(0).status()).isEqualTo(BulkResult.SKIPPED);
        assertThat(rejected.accounts().get(0).detail()).isEqualTo("rejected by " + APPROVER + ": not this one");
        assertThat(openBalance(account)).isEqualByComparingTo("3000.00");
        assertThat(creditNotes.of(account.getId())).isEmpty();
    }

    @Test
    void aBalanceThatGrewAfterTheRequestIsNotWrittenOffBeyondWhatWasApproved() {
        Account account = accountOwing("3000.00");
        BulkResult run = writeOff(account);
        ProcessInstance pi = approvalOf(run);
        invoice(account, "500.00");

        completeAs(APPROVER, pi, "approve");
        runJob(pi);

        BulkResult done = bulkActions.find(run.id());
        assertThat(done.accounts().get(0).status()).isEqualTo(BulkResult.SKIPPED);
        assertThat(done.accounts().get(0).detail()).contains("more than the 3000.00 approved");
        assertThat(openBalance(account)).isEqualByComparingTo("3500.00");
    }

    private BulkResult writeOff(Account account) {
        Authentication supervisor = UsernamePasswordAuthenticationToken.authenticated(REQUESTER, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SUPERVISOR)));
        return bulkActions.run(new BulkRequest("writeOff", List.of(account.getExternalId()), null, Map.of(), false, null),
                UUID.randomUUID().toString(), supervisor);
    }

    private ProcessInstance approvalOf(BulkResult run) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(MoneyMoveApprovalVariables.businessKeyOf(run.id()))
                .singleResult();
    }

    /** As Tasklist completes it for that user, with the form's fields. */
    private void completeAs(String user, ProcessInstance pi, String decision) {
        Map<String, Object> form = new HashMap<>(Map.of("approvalDecision", decision, "approvalNote", "not this one"));
        identity.setAuthentication(user, List.of(Roles.SUPERVISORS_GROUP));
        try {
            tasks.complete(task(pi).getId(), form);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void runJob(ProcessInstance pi) {
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
    }

    private Account accountOwing(String... amounts) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Four Eyes GmbH",
                "ap-" + UUID.randomUUID() + "@customer.example", "+49 30 1234567", "de-DE", "Europe/Berlin", "EUR", null)).account();
        for (String amount : amounts) {
            invoice(account, amount);
        }
        return account;
    }

    private void invoice(Account account, String amount) {
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-" + UUID.randomUUID(),
                account.today(clock).minusDays(60), account.today(clock).minusDays(30), "EUR", new BigDecimal(amount), null, null));
    }

    private BigDecimal openBalance(Account account) {
        return receivables.balancesOf(accounts.get(account.getId())).openBalance();
    }
}
