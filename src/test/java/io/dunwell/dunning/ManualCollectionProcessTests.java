package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.agent.EscalationPoints;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.invoice.CreditNote;
import io.dunwell.invoice.CreditNoteCommand;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.invoice.Receivables;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/**
 * The manual-collection part of DunningCaseProcess, one method per path from the agent's call to
 * where the case goes next. Each case starts right before the call sheet is prepared.
 */
@DunwellIntegrationTest
class ManualCollectionProcessTests {

    static final String DECIDER = "writeoffdecider";
    static final String SECOND_SUPERVISOR = "writeoffapprover";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Receivables receivables;
    @Autowired CreditNotes creditNotes;
    @Autowired Payments payments;
    @Autowired DunningCases cases;
    @Autowired AgencyPlacements placements;
    @Autowired EscalationPoints escalationPoints;
    @Autowired Timeline timeline;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        TestUsers.ensure(identity, DECIDER, Roles.SUPERVISORS_GROUP);
        TestUsers.ensure(identity, SECOND_SUPERVISOR, Roles.SUPERVISORS_GROUP);
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void callSheetShowsTheAccountToAnyAgentWhenNobodyIsAssigned() {
        Account account = account("Müller & Söhne GmbH", "de-DE", "EUR");
        invoice(account, 40, "1234.56");
        ProcessInstance pi = startBeforeCall(account);

        assertThat(pi).isWaitingAt("Task_CallCustomer");
        assertThat(task(pi)).hasName("Call Müller & Söhne GmbH").hasCandidateGroup("agents").isNotAssigned();
        assertThat(pi).variables()
                .containsEntry("customerName", "Müller & Söhne GmbH")
                .containsEntry("customerNumber", account.getExternalId())
                .containsEntry("amountOwed", "1.234,56 EUR")
                .containsEntry("overdueAmount", "1.234,56 EUR")
                .containsEntry("daysPastDue", 40)
                .containsEntry("openInvoiceCount", 1)
                .containsEntry("noticesSent", "none")
                .containsEntry("consoleLink", "/console/accounts/" + account.getExternalId())
                .containsEntry("agent", null)
                .containsEntry("callAttempts", 0)
                .containsEntry("brokenPromises", 0)
                .containsEntry("maxCallAttempts", 3)
                .containsKey("oldestDueDate")
                .doesNotContainValue(account.getEmail())
                .hasSize(15);
    }

    @Test
    void noContactThreeTimesEscalatesToSupervisors() {
        Account account = account("Quiet Line Ltd", "en-US", "USD");
        invoice(account, 35, "1234.56");
        ProcessInstance pi = startBeforeCall(account);

        for (int attempt = 1; attempt <= 2; attempt++) {
            complete(pi, Map.of("callOutcome", "noContact", "callRetryDays", 2L, "callNote", "voicemail " + attempt));
            assertThat(pi).isWaitingAt("TimerEvent_RetryCallDue").variables().containsEntry("callAttempts", attempt);
            executeJob(pi);
            assertThat(pi).isWaitingAt("Task_CallCustomer");
        }
        complete(pi, Map.of("callOutcome", "noContact", "callRetryDays", 2.0, "callNote", "no answer"));

        assertThat(pi).hasPassedInOrder("Task_RecordCallOutcome", "Gateway_CallAttemptsLeft", "Gateway_Escalate",
                        "Task_PrepareEscalation")
                .isWaitingAt("Task_ReviewEscalation");
        assertThat(task(pi)).hasName("Review escalation of Quiet Line Ltd").hasCandidateGroup("supervisors").isNotAssigned();
        assertThat(pi).variables().containsEntry("callAttempts", 3).containsEntry("callRetryDays", 2)
                .containsEntry("escalationReason", "3 calls without contact").containsEntry("escalationAssignee", null)
                .containsEntry("amountOwed", "1,234.56 USD");
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.ESCALATED);
        assertThat(timelineTypes(account)).containsSubsequence("CALL_LOGGED", "CALL_LOGGED", "CALL_LOGGED", "ESCALATED");
        assertThat(summaries(account)).anyMatch(s -> s.equals("Call by unknown: noContact: no answer"));
    }

    @Test
    void disputeWaitsForSupervisorThenResumesCalls() {
        Account account = account("Contested Corp", "en-GB", "GBP");
        invoice(account, 30, "500.00");
        ProcessInstance pi = startBeforeCall(account);

        completeAs("alice", pi, Map.of("callOutcome", "dispute", "disputeReason", "Invoice 7 was never delivered", "callNote", "angry"));

        assertThat(pi).isWaitingAt("Task_ResolveDispute");
        assertThat(task(pi)).hasCandidateGroup("supervisors").isNotAssigned();
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.DISPUTED);
        assertThat(summaries(account)).contains("Call by alice: dispute: angry", "Dispute opened: Invoice 7 was never delivered");

        completeAs("sarah", pi, Map.of("disputeResolution", "resume", "resolutionNote", "Proof of delivery on file"));

        assertThat(pi).hasPassedInOrder("Task_ResolveDispute", "Task_RecordDisputeResolution", "Gateway_DisputeResolution",
                "Gateway_CallAgain", "Task_PrepareCall").isWaitingAt("Task_CallCustomer");
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.IN_COLLECTIONS);
        assertThat(summaries(account)).contains("Dispute resolved (resume): Proof of delivery on file");
    }

    @Test
    void creditedDisputeGoesBackToPlanningNotices() {
        Account account = account("Right All Along", "en-US", "USD");
        invoice(account, 30, "75.00");
        ProcessInstance pi = startBeforeCall(account);
        complete(pi, Map.of("callOutcome", "dispute", "disputeReason", "charged twice"));

        complete(pi, Map.of("disputeResolution", "credited"));

        assertThat(pi).hasPassedInOrder("Task_RecordDisputeResolution", "Gateway_DisputeResolution", "Gateway_PlanAgain")
                .isWaitingAt("Task_PlanNextNotice");
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.IN_COLLECTIONS);
    }

    @Test
    void customerSaysPaidWaitsBeforeReReadingTheAccount() {
        Account account = account("Cheque In The Post", "en-US", "USD");
        invoice(account, 30, "75.00");
        ProcessInstance pi = startBeforeCall(account);

        complete(pi, Map.of("callOutcome", "paid", "callNote", "sent yesterday"));

        assertThat(pi).isWaitingAt("TimerEvent_PaymentExpected");
        assertThat(timelineTypes(account)).containsSubsequence("CALL_LOGGED", "PAYMENT_CLAIMED");

        executeJob(pi);

        assertThat(pi).hasPassedInOrder("TimerEvent_PaymentExpected", "EndEvent_PaymentClaimed", "Gateway_PlanAgain")
                .isWaitingAt("Task_PlanNextNotice").hasNotPassed("BoundaryEvent_CaseEscalated");
    }

    @Test
    void escalationGoesToAgentsEscalationPoint() {
        Account account = account("Big Spender Inc", "en-US", "USD");
        invoice(account, 45, "9000.00");
        String agent = "agent-" + UUID.randomUUID();
        String supervisor = "supervisor-" + UUID.randomUUID();
        accounts.assignAgent(account.getId(), agent);
        escalationPoints.set(agent, supervisor);
        ProcessInstance pi = startBeforeCall(account);
        assertThat(task(pi)).isAssignedTo(agent);

        completeAs(agent, pi, Map.of("callOutcome", "escalate", "callNote", "refuses to talk to me"));

        assertThat(pi).isWaitingAt("Task_ReviewEscalation").variables()
                .containsEntry("escalationReason", "Agent escalated: refuses to talk to me")
                .containsEntry("escalationAssignee", supervisor);
        assertThat(task(pi)).isAssignedTo(supervisor);

        completeAs(supervisor, pi, Map.of("escalationDecision", "continue", "escalationNote", "one more try"));

        assertThat(pi).hasPassedInOrder("Task_RecordEscalationDecision", "Gateway_EscalationDecision", "Gateway_CallAgain")
                .isWaitingAt("Task_CallCustomer");
        assertThat(pi).variables().containsEntry("callAttempts", 0).containsEntry("escalationDecidedBy", supervisor);
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.IN_COLLECTIONS);
        assertThat(summaries(account)).contains("Escalation decided by " + supervisor + ": continue: one more try");
    }

    @Test
    void approvedWriteOffBooksCreditAndCloses() {
        Account account = account("Gone Bust GmbH", "en-US", "EUR");
        invoice(account, 90, "1234.56");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "writeOff", "callNote", "insolvent"));
        complete(pi, Map.of("escalationDecision", "writeOff"));

        assertThat(pi).isWaitingAt("Task_ApproveWriteOff").variables()
                .containsEntry("escalationReason", "Agent requested write-off: insolvent")
                .containsEntry("writeOffAmount", "1,234.56 EUR").containsEntry("writeOffValue", "1234.56")
                .containsEntry("writeOffCurrency", "EUR").containsEntry("writeOffApprover", "supervisors");
        assertThat(task(pi)).hasCandidateGroup("supervisors");

        completeAs("sarah", pi, Map.of("writeOffDecision", "approve", "approvalNote", "ok"));

        assertThat(pi).hasPassedInOrder("Task_DetermineWriteOffApprover", "Task_ApproveWriteOff", "Gateway_WriteOffApproved",
                "Task_WriteOffBalance", "EndEvent_WrittenOff").hasNotPassed("Task_CloseCasePaid").isEnded();
        CreditNote credit = creditNotes.find("write-off-case-" + caseId).orElseThrow();
        assertThat(credit.getAmount()).isEqualByComparingTo("1234.56");
        assertThat(credit.getReason()).isEqualTo("Write-off requested by unknown, approved by sarah");
        assertThat(receivables.balancesOf(accounts.get(account.getId())).openBalance()).isZero();
        assertThat(cases.require(caseId).getStatus()).isEqualTo(DunningCaseStatus.CLOSED);
        assertThat(cases.require(caseId).getCloseReason()).isEqualTo("written off");
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.WRITTEN_OFF);
        assertThat(timelineTypes(account)).containsSubsequence("CREDIT_NOTE_BOOKED", "WRITTEN_OFF", "DUNNING_CASE_CLOSED");
    }

    @Test
    void writeOffWithinTheDecidingSupervisorsLimitBooksAtOnce() {
        Account account = account("Small Loss GmbH", "de-DE", "EUR");
        creditNotes.record(new CreditNoteCommand("CN-" + UUID.randomUUID(), account.getExternalId(), new BigDecimal("200.00"), "EUR",
                clock.instant(), "goodwill before the invoices", null));
        invoice(account, 90, "600.00");
        invoice(account, 60, "350.00");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "writeOff", "callNote", "insolvent"));

        completeAsSupervisor(DECIDER, pi, Map.of("escalationDecision", "writeOff", "escalationNote", "not worth chasing"));

        assertThat(pi).hasPassedInOrder("Task_RecordEscalationDecision", "Task_DetermineWriteOffApprover",
                        "Gateway_WriteOffApprovalNeeded", "Task_WriteOffBalance", "EndEvent_WrittenOff")
                .hasNotPassed("Task_ApproveWriteOff").isEnded();
        CreditNote credit = creditNotes.find("write-off-case-" + caseId).orElseThrow();
        assertThat(credit.getAmount()).isEqualByComparingTo("750.00");
        assertThat(credit.getReason()).isEqualTo("Write-off by " + DECIDER + " within their own limit");
        assertThatTheInvoicesAreClosedWithNoCreditLeft(account);
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.WRITTEN_OFF);
    }

    @Test
    void writeOffAboveTheDecidingSupervisorsLimitWaitsForAnotherSupervisor() {
        Account account = account("Bigger Loss GmbH", "de-DE", "EUR");
        invoice(account, 90, "3000.00");
        ProcessInstance pi = startBeforeCall(account);
        complete(pi, Map.of("callOutcome", "writeOff"));

        completeAsSupervisor(DECIDER, pi, Map.of("escalationDecision", "writeOff"));

        assertThat(pi).hasPassedInOrder("Task_DetermineWriteOffApprover", "Gateway_WriteOffApprovalNeeded")
                .isWaitingAt("Task_ApproveWriteOff").hasNotPassed("Task_WriteOffBalance");
        assertThat(task(pi)).hasCandidateGroup("supervisors");
        assertThat(pi).variables().containsEntry("requestedBy", DECIDER).containsEntry("requesterRole", "supervisor")
                .containsEntry("writeOffTotal", "3000.00").containsEntry("writeOffApprover", "supervisors");
        assertThat(receivables.balancesOf(accounts.get(account.getId())).openBalance()).isEqualByComparingTo("3000.00");
    }

    @Test
    void theDecidingSupervisorCannotApproveTheirOwnWriteOff() {
        Account account = account("Self Serve GmbH", "de-DE", "EUR");
        invoice(account, 90, "3000.00");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "writeOff"));
        completeAsSupervisor(DECIDER, pi, Map.of("escalationDecision", "writeOff"));

        assertThatThrownBy(() -> completeAsSupervisor(DECIDER, pi, Map.of("writeOffDecision", "approve")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining(DECIDER + " requested this");

        assertThat(pi).isWaitingAt("Task_ApproveWriteOff").hasNotPassed("Task_WriteOffBalance");
        assertThat(creditNotes.find("write-off-case-" + caseId)).isEmpty();
    }

    @Test
    void anotherSupervisorsApprovalWritesOffOnceAndClosesTheInvoices() {
        Account account = account("Four Eyes AG", "de-DE", "EUR");
        invoice(account, 90, "2000.00");
        invoice(account, 45, "1000.00");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "writeOff"));
        completeAsSupervisor(DECIDER, pi, Map.of("escalationDecision", "writeOff"));

        completeAsSupervisor(SECOND_SUPERVISOR, pi, Map.of("writeOffDecision", "approve", "approvalNote", "agreed"));

        assertThat(pi).hasPassedInOrder("Gateway_WriteOffApprovalNeeded", "Task_ApproveWriteOff", "Gateway_WriteOffApproved",
                "Task_WriteOffBalance", "EndEvent_WrittenOff").isEnded();
        assertThat(creditNotes.of(account.getId())).hasSize(1);
        assertThat(creditNotes.find("write-off-case-" + caseId).orElseThrow().getReason())
                .isEqualTo("Write-off requested by " + DECIDER + ", approved by " + SECOND_SUPERVISOR);
        assertThatTheInvoicesAreClosedWithNoCreditLeft(account);
    }

    @Test
    void largeWriteOffNeedsAnAdmin() {
        Account account = account("Whale Ltd", "en-US", "USD");
        invoice(account, 90, "5000.01");
        ProcessInstance pi = startBeforeCall(account);
        complete(pi, Map.of("callOutcome", "writeOff"));
        complete(pi, Map.of("escalationDecision", "writeOff"));

        assertThat(task(pi)).hasDefinitionKey("Task_ApproveWriteOff").hasCandidateGroup("camunda-admin");
    }

    @Test
    void rejectedWriteOffReturnsToEscalation() {
        Account account = account("Maybe Later AG", "en-US", "EUR");
        invoice(account, 90, "300.00");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "writeOff", "callNote", "small amount"));
        complete(pi, Map.of("escalationDecision", "writeOff"));

        complete(pi, Map.of("writeOffDecision", "reject", "approvalNote", "they can pay"));

        assertThat(pi).hasPassedInOrder("Task_ApproveWriteOff", "Gateway_WriteOffApproved", "Gateway_Escalate",
                "Task_PrepareEscalation").hasNotPassed("Task_WriteOffBalance").isWaitingAt("Task_ReviewEscalation");
        assertThat(pi).variables().containsEntry("escalationReason", "write-off not approved");
        assertThat(creditNotes.find("write-off-case-" + caseId)).isEmpty();
        assertThat(cases.require(caseId).isActive()).isTrue();
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.ESCALATED);
    }

    @Test
    void paymentDuringTheEscalationReviewSettlesTheCase() {
        Account account = account("Paid At Last Ltd", "en-US", "USD");
        invoice(account, 45, "250.00");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "escalate", "callNote", "will not commit"));
        assertThat(pi).isWaitingAt("Task_ReviewEscalation");

        pay(account, "250.00");

        assertThat(pi).isEnded().hasPassedInOrder("BoundaryEvent_CaseEscalated", "Task_PrepareEscalation", "EndEvent_AccountPaid")
                .hasNotPassed("Task_RecordEscalationDecision", "Gateway_EscalationDecision");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(cases.require(caseId).getStatus()).isEqualTo(DunningCaseStatus.SETTLED);
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.GOOD_STANDING);
    }

    @Test
    void paymentWhileAWriteOffAwaitsApprovalSettlesTheCaseAndWritesNothingOff() {
        Account account = account("Paid Before Approval AG", "de-DE", "EUR");
        invoice(account, 90, "3000.00");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "writeOff"));
        completeAsSupervisor(DECIDER, pi, Map.of("escalationDecision", "writeOff"));
        assertThat(pi).isWaitingAt("Task_ApproveWriteOff");

        pay(account, "3000.00");

        assertThat(pi).isEnded().hasPassed("Task_CloseCasePaid", "EndEvent_AccountPaid")
                .hasNotPassed("Gateway_WriteOffApproved", "BoundaryEvent_WriteOffRejected", "Task_WriteOffBalance", "EndEvent_WrittenOff");
        assertThat(creditNotes.find("write-off-case-" + caseId)).isEmpty();
        assertThat(cases.require(caseId).getStatus()).isEqualTo(DunningCaseStatus.SETTLED);
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.GOOD_STANDING);
    }

    @Test
    void agencyPlacementWritesRecordAndFile() throws Exception {
        Account account = account("=HYPERLINK(\"http://evil.example\") Ltd", "en-US", "USD");
        invoice(account, 120, "400.00");
        invoice(account, 60, "100.50");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "escalate"));
        completeAs("sarah", pi, Map.of("escalationDecision", "agency", "agencyName", "  Acme Collect ", "escalationNote", "hand over"));

        assertThat(pi).isWaitingAt("Task_PlaceWithAgency");
        executeJob(pi);

        assertThat(pi).hasPassedInOrder("Gateway_EscalationDecision", "Task_PlaceWithAgency", "EndEvent_PlacedWithAgency").isEnded();
        List<AgencyPlacement> placed = placements.of(account.getId());
        assertThat(placed).singleElement().satisfies(p -> {
            assertThat(p.getAgencyName()).isEqualTo("Acme Collect");
            assertThat(p.getAmount()).isEqualByComparingTo("500.50");
            assertThat(p.getCurrency()).isEqualTo("USD");
            assertThat(p.getPlacedBy()).isEqualTo("sarah");
            assertThat(p.getDunningCaseId()).isEqualTo(caseId);
        });
        AgencyPlacement placement = placed.get(0);
        assertThat(placement.getFileContent().lines().toList()).containsExactly(
                "customer_number,customer_name,invoice_number,issue_date,due_date,open_amount,currency",
                account.getExternalId() + ",\"'=HYPERLINK(\"\"http://evil.example\"\") Ltd\",INV-120,"
                        + dueDate(account, 134) + "," + dueDate(account, 120) + ",400.00,USD",
                account.getExternalId() + ",\"'=HYPERLINK(\"\"http://evil.example\"\") Ltd\",INV-60,"
                        + dueDate(account, 74) + "," + dueDate(account, 60) + ",100.50,USD");
        assertThat(placements.place(caseId, account.getId(), "Acme Collect", "sarah").getId()).isEqualTo(placement.getId());
        assertThat(placements.of(account.getId())).hasSize(1);
        assertThat(cases.require(caseId).getCloseReason()).isEqualTo("placed with agency Acme Collect");
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.WITH_AGENCY);
        assertThat(timelineTypes(account)).containsSubsequence("ESCALATION_DECIDED", "PLACED_WITH_AGENCY", "DUNNING_CASE_CLOSED");

        mvc.perform(get("/api/v1/agency-placements?accountId=" + account.getExternalId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(placement.getId()))
                .andExpect(jsonPath("$[0].agencyName").value("Acme Collect"))
                .andExpect(jsonPath("$[0].fileName").value("placement-case-" + caseId + ".csv"));
        mvc.perform(get("/api/v1/agency-placements/" + placement.getId() + "/file"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"placement-case-" + caseId + ".csv\""))
                .andExpect(content().string(placement.getFileContent()));
        mvc.perform(get("/api/v1/agency-placements/0/file")).andExpect(status().isNotFound());
    }

    @Test
    void freezeEndsCaseAndFreezesAccount() {
        Account account = account("Fraud Suspect LLC", "en-US", "USD");
        invoice(account, 60, "800.00");
        Long caseId = caseOf(account);
        ProcessInstance pi = startBeforeCall(account, caseId);
        complete(pi, Map.of("callOutcome", "escalate"));

        complete(pi, Map.of("escalationDecision", "freeze", "escalationNote", "suspected fraud"));

        assertThat(pi).hasPassedInOrder("Gateway_EscalationDecision", "Task_FreezeAccount", "EndEvent_AccountFrozen").isEnded();
        Account frozen = accounts.get(account.getId());
        assertThat(frozen.isFrozen()).isTrue();
        assertThat(frozen.getFrozenReason()).isEqualTo("suspected fraud");
        assertThat(cases.require(caseId).getStatus()).isEqualTo(DunningCaseStatus.CLOSED);
        assertThat(cases.require(caseId).getCloseReason()).isEqualTo("account frozen");
    }

    @Test
    void badOutcomeLeavesTaskOpenAndChangesNothing() {
        Account account = account("Typo Ltd", "en-US", "USD");
        invoice(account, 30, "50.00");
        ProcessInstance pi = startBeforeCall(account);
        Task call = task(pi);
        List<String> before = timelineTypes(account);

        assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of("callOutcome", "maybe")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("callOutcome");
        assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of("callOutcome", "dispute", "disputeReason", " ")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("disputeReason");
        assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of("callOutcome", "noContact", "callRetryDays", 31L)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("callRetryDays");
        assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of("callOutcome", "noContact", "callRetryDays", 1.5)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("callRetryDays");

        assertThat(pi).isWaitingAt("Task_CallCustomer");
        assertThat(task(pi).getId()).isEqualTo(call.getId());
        assertThat(pi).variables().doesNotContainKey("callOutcome").containsEntry("callAttempts", 0);
        assertThat(timelineTypes(account)).isEqualTo(before);
        assertThat(statusOf(account)).isEqualTo(CollectionStatus.IN_COLLECTIONS);
    }

    @Test
    void badEscalationDecisionLeavesReviewOpen() {
        Account account = account("Undecided Ltd", "en-US", "USD");
        invoice(account, 30, "50.00");
        ProcessInstance pi = startBeforeCall(account);
        complete(pi, Map.of("callOutcome", "escalate"));
        Task review = task(pi);

        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("escalationDecision", "agency", "agencyName", "")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("agencyName");

        assertThat(pi).isWaitingAt("Task_ReviewEscalation");
        assertThat(task(pi).getId()).isEqualTo(review.getId());
    }

    private void assertThatTheInvoicesAreClosedWithNoCreditLeft(Account account) {
        assertThat(receivables.invoicesOf(account.getId())).isNotEmpty()
                .allSatisfy(invoice -> assertThat(invoice.getStatus()).isEqualTo(Invoice.PAID));
        var balances = receivables.balancesOf(accounts.get(account.getId()));
        assertThat(balances.openBalance()).isZero();
        assertThat(balances.unappliedCredit()).isZero();
    }

    private Account account(String name, String locale, String currency) {
        return accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name, "ap-" + UUID.randomUUID() + "@customer.example",
                "+1 555 0100", locale, "America/New_York", currency, null)).account();
    }

    /** An invoice numbered INV-{daysPastDue}, issued 14 days before its due date. */
    private void invoice(Account account, int daysPastDue, String amount) {
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-" + daysPastDue,
                account.today(clock).minusDays(daysPastDue + 14L), account.today(clock).minusDays(daysPastDue),
                account.getCurrency(), new BigDecimal(amount), null, null));
    }

    private void pay(Account account, String amount) {
        payments.record(new PaymentCommand("PAY-" + UUID.randomUUID(), account.getExternalId(), new BigDecimal(amount),
                account.getCurrency(), clock.instant(), null, null));
    }

    private String dueDate(Account account, int daysAgo) {
        return account.today(clock).minusDays(daysAgo).toString();
    }

    private Long caseOf(Account account) {
        return cases.open(account.getId()).orElseThrow().getId();
    }

    private ProcessInstance startBeforeCall(Account account) {
        return startBeforeCall(account, caseOf(account));
    }

    private ProcessInstance startBeforeCall(Account account, Long caseId) {
        return runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY)
                .businessKey(account.getExternalId())
                .setVariable(DunningCaseVariables.ACCOUNT_ID, account.getId())
                .setVariable(DunningCaseVariables.CASE_ID, caseId)
                .startBeforeActivity("Task_PrepareCall")
                .execute();
    }

    /** Completes the instance's one open task as its form would submit it. */
    private void complete(ProcessInstance pi, Map<String, Object> form) {
        tasks.complete(task(pi).getId(), new HashMap<>(form));
    }

    /**
     * Completes the task as Tasklist would for that user. In the admin group, so that the engine's
     * authorization checks, which a signed-in user meets in Tasklist through the task's groups, pass here.
     */
    private void completeAs(String user, ProcessInstance pi, Map<String, Object> form) {
        String taskId = task(pi).getId();
        identity.setAuthentication(user, List.of(Groups.CAMUNDA_ADMIN));
        try {
            tasks.complete(taskId, new HashMap<>(form));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** As Tasklist completes it for a member of the supervisors group, with that group's engine permissions only. */
    private void completeAsSupervisor(String user, ProcessInstance pi, Map<String, Object> form) {
        String taskId = task(pi).getId();
        identity.setAuthentication(user, List.of(Roles.SUPERVISORS_GROUP));
        try {
            tasks.complete(taskId, new HashMap<>(form));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Runs the instance's one job (a timer or an async step) now, whatever its due date. */
    private void executeJob(ProcessInstance pi) {
        Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        management.executeJob(job.getId());
    }

    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path).with(httpBasic("admin", "admin-secret"));
    }

    private String statusOf(Account account) {
        return accounts.get(account.getId()).getCollectionStatus();
    }

    private List<String> timelineTypes(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getType).toList();
    }

    private List<String> summaries(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getSummary).toList();
    }
}
