package io.dunwell.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Period;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.promise.PromiseToPay;
import io.dunwell.promise.Promises;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/**
 * CollectionSessionProcess, one method per path: every account completed, some skipped, a bad
 * answer, the session abandoned (and a later one working the rest), and the session's guards
 * (order, who may act). The session's agent works the tasks as
 * Tasklist or the console would.
 */
@DunwellIntegrationTest
class CollectionSessionProcessTests {

    static final String AGENT = "sessionagent";
    static final String OTHER_AGENT = "sessionbystander";
    static final String SUPERVISOR = "sessionsupervisor";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired DunningCases cases;
    @Autowired Promises promises;
    @Autowired Timeline timeline;
    @Autowired Baskets baskets;
    @Autowired CollectionSessions sessions;
    @Autowired SessionPromises sessionPromises;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, OTHER_AGENT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, SUPERVISOR, Roles.SUPERVISORS_GROUP);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void everyAccountCompletedEndsTheSessionAndTheBasketIsDone() {
        Account first = account("First Call GmbH");
        Account second = account("Second Call Ltd");
        Basket basket = basket(first, second);

        ProcessInstance session = start(basket);
        assertThat(session).isWaitingAt("Task_WorkAccount");
        assertThat(task(session)).isAssignedTo(AGENT).hasName("Work First Call GmbH (1 of 2)");
        sessions.work(session.getId(), first.getId(), "completed", "promised to pay Friday", "friendly", AGENT, false);
        assertThat(task(session)).hasName("Work Second Call Ltd (2 of 2)");
        sessions.work(session.getId(), second.getId(), "completed", null, null, AGENT, false);

        assertThat(session).isWaitingAt("Task_CompleteSession");
        assertThat(baskets.require(basket.getId()).getStatus()).isEqualTo(BasketStatus.IN_SESSION);
        sessions.complete(session.getId(), AGENT, false);

        assertThat(session).hasPassedInOrder("StartEvent_SessionStarted", "Task_WorkAccount", "Task_CompleteSession",
                "Task_CloseBasket", "EndEvent_SessionCompleted").isEnded();
        Basket done = baskets.require(basket.getId());
        assertThat(done.getStatus()).isEqualTo(BasketStatus.DONE);
        assertThat(done.getEntries()).extracting(BasketEntry::getOutcome).containsExactly(SessionOutcome.COMPLETED, SessionOutcome.COMPLETED);
        assertThat(done.getEntries().get(0).getOutcomeReason()).isEqualTo("promised to pay Friday");
        assertThat(done.getEntries().get(0).getWorkedBy()).isEqualTo(AGENT);
        assertThat(summaries(first)).anyMatch(s -> s.equals("Completed in collection session \"" + basket.getName() + "\" by "
                + AGENT + " — promised to pay Friday: friendly"));
    }

    @Test
    void skippedAccountKeepsItsReasonAndTheSessionGoesOn() {
        Account busy = account("Busy Line AG");
        Account reached = account("Reached Inc");
        Basket basket = basket(busy, reached);
        ProcessInstance session = start(basket);

        sessions.work(session.getId(), busy.getId(), "skipped", "no answer", "try Monday", AGENT, false);
        assertThat(session).isWaitingAt("Task_WorkAccount");
        assertThat(task(session)).hasName("Work Reached Inc (2 of 2)");
        sessions.work(session.getId(), reached.getId(), "completed", null, null, SUPERVISOR, true);
        sessions.complete(session.getId(), AGENT, false);

        assertThat(session).isEnded();
        List<BasketEntry> entries = baskets.require(basket.getId()).getEntries();
        assertThat(entries).extracting(BasketEntry::getOutcome).containsExactly(SessionOutcome.SKIPPED, SessionOutcome.COMPLETED);
        assertThat(entries).extracting(BasketEntry::getWorkedBy).containsExactly(AGENT, SUPERVISOR);
        assertThat(types(busy)).contains("SESSION_ACCOUNT_SKIPPED");
    }

    @Test
    void workFormShowsTheAccountSheetAndNoEarlierAnswer() {
        Account first = account("Sheet One SARL");
        Account second = account("Sheet Two BV");
        ProcessInstance session = start(basket(first, second));

        Map<String, Object> shown = tasks.getVariables(task(session).getId());
        assertThat(shown).containsEntry("customerName", "Sheet One SARL")
                .containsEntry("customerNumber", first.getExternalId())
                .containsEntry("amountOwed", "1234.56 EUR")
                .containsEntry("position", "1 of 2")
                .containsEntry("sessionLink", "/worklists/sessions/" + session.getId())
                .containsEntry("outcome", null)
                .containsEntry("agent", AGENT);
        assertThat((String) shown.get("unpaidInvoices")).contains("INV-40", "1234.56 EUR");
        assertThat((String) shown.get("contact")).contains(first.getEmail(), "+1 555 0100");
        assertThat((String) shown.get("recentTimeline")).contains("Invoice");

        complete(task(session), Map.of("outcome", "completed", "outcomeReason", "paid by card", "note", "thanks"));
        Map<String, Object> next = tasks.getVariables(task(session).getId());
        assertThat(next).containsEntry("customerName", "Sheet Two BV").containsEntry("outcome", null)
                .containsEntry("outcomeReason", null).containsEntry("note", null);
    }

    @Test
    void badAnswerLeavesTheAccountAtHandAndChangesNothing() {
        Account account = account("Unclear Answer KG");
        Basket basket = basket(account);
        ProcessInstance session = start(basket);
        Task work = task(session);

        // the engine wraps the listener's refusal; Tasklist shows its message
        assertThatThrownBy(() -> complete(work, Map.of("outcome", "maybe"))).hasRootCauseInstanceOf(BadRequestException.class)
                .hasMessageContaining("outcome: must be completed or skipped, not maybe");
        assertThatThrownBy(() -> complete(work, Map.of("outcome", "skipped", "outcomeReason", " ")))
                .hasRootCauseInstanceOf(BadRequestException.class).hasMessageContaining("outcomeReason: say why the account is skipped");
        assertThatThrownBy(() -> sessions.work(session.getId(), account.getId(), "skipped", null, "no reason", AGENT, false))
                .isInstanceOf(BadRequestException.class);

        assertThat(session).isWaitingAt("Task_WorkAccount");
        assertThat(task(session).getId()).isEqualTo(work.getId());
        assertThat(baskets.require(basket.getId()).workedCount()).isZero();
        assertThat(types(account)).doesNotContain("SESSION_ACCOUNT_SKIPPED", "SESSION_ACCOUNT_COMPLETED");
    }

    @Test
    void sessionCompletesOnlyAfterTheLastAccount() {
        Account first = account("Early Bird Oy");
        Account second = account("Late Bird AB");
        ProcessInstance session = start(basket(first, second));
        sessions.work(session.getId(), first.getId(), "completed", null, null, AGENT, false);

        assertThatThrownBy(() -> sessions.complete(session.getId(), AGENT, false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 of 2 done");
        // a stale click on the account already worked does not complete the next one
        assertThatThrownBy(() -> sessions.work(session.getId(), first.getId(), "completed", null, null, AGENT, false))
                .isInstanceOf(ConflictException.class);
        assertThat(task(session)).hasName("Work Late Bird AB (2 of 2)");
    }

    @Test
    void onlyTheSessionsAgentOrASupervisorMayAct() {
        Account account = account("Guarded Account SA");
        Basket basket = basket(account);

        assertThatThrownBy(() -> baskets.startSession(basket.getId(), OTHER_AGENT, false)).isInstanceOf(AccessDeniedException.class);
        ProcessInstance session = start(basket);
        assertThatThrownBy(() -> baskets.startSession(basket.getId(), AGENT, false)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sessions.work(session.getId(), account.getId(), "completed", null, null, OTHER_AGENT, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(session).isWaitingAt("Task_WorkAccount");
    }

    @Test
    void promiseWithoutAWaitingCallIsRecordedOnItsOwn() {
        Account account = account("Promising Ltd");
        ProcessInstance session = start(basket(account));

        SessionPromises.Tracking tracking = sessionPromises.record(account.getId(), new SessionPromises.Terms(
                account.today(clock).plusDays(7), new BigDecimal("500.00"), 1, Period.ofMonths(1), "half now"), AGENT);

        assertThat(tracking).isEqualTo(SessionPromises.Tracking.NOT_TRACKED);
        List<PromiseToPay> made = promises.of(account.getId());
        assertThat(made).singleElement().satisfies(p -> {
            assertThat(p.getTotal()).isEqualByComparingTo("500.00");
            assertThat(p.getMadeBy()).isEqualTo(AGENT);
        });
        assertThat(accounts.get(account.getId()).getCollectionStatus()).isEqualTo(CollectionStatus.PROMISE_TO_PAY);
        assertThat(session).isWaitingAt("Task_WorkAccount");
    }

    @Test
    void promiseWhileTheDunningCaseWaitsForACallIsThatCallsOutcome() {
        Account account = account("Case Promise SpA");
        Long caseId = cases.open(account.getId()).orElseThrow().getId();
        ProcessInstance dunningCase = runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY)
                .businessKey(account.getExternalId())
                .setVariable(DunningCaseVariables.ACCOUNT_ID, account.getId())
                .setVariable(DunningCaseVariables.CASE_ID, caseId)
                .startBeforeActivity("Task_PrepareCall").execute();
        assertThat(dunningCase).isWaitingAt("Task_CallCustomer");
        start(basket(account));

        SessionPromises.Tracking tracking = sessionPromises.record(account.getId(), new SessionPromises.Terms(
                account.today(clock).plusDays(10), new BigDecimal("1234.56"), 2, Period.ofDays(14), "two halves"), AGENT);

        assertThat(tracking).isEqualTo(SessionPromises.Tracking.BY_DUNNING_CASE);
        assertThat(dunningCase).hasPassed("Task_CallCustomer", "Task_RecordCallOutcome", "Task_RecordPromise")
                .isWaitingAt("Task_SendPromiseConfirmation");
        assertThat(promises.of(account.getId())).singleElement().satisfies(p -> {
            assertThat(p.getDunningCaseId()).isEqualTo(caseId);
            assertThat(p.getMadeBy()).isEqualTo(AGENT);
        });
        assertThat(summaries(account)).contains("Call by " + AGENT + ": promise: two halves");
    }

    @Test
    void abandonedSessionEndsWithTheBasketPendingAndTheWorkedAccountsKept() {
        Account worked = account("Worked Before GmbH");
        Account atHand = account("At Hand Ltd");
        Account untouched = account("Untouched SA");
        Basket basket = basket(worked, atHand, untouched);
        ProcessInstance session = start(basket);
        sessions.work(session.getId(), worked.getId(), "completed", "paid by card", null, AGENT, false);
        List<String> untouchedBefore = summaries(untouched);

        Basket pending = sessions.abandon(session.getId(), AGENT, false);

        assertThat(session).hasPassed("StartEvent_SessionAbandoned", "Task_ReopenBasket", "EndEvent_SessionAbandoned")
                .hasNotPassed("Task_CompleteSession", "Task_CloseBasket", "EndEvent_SessionCompleted").isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(session.getId()).count()).isZero();
        assertThat(pending.getStatus()).isEqualTo(BasketStatus.PENDING);
        assertThat(pending.getAbandonedBy()).isEqualTo(AGENT);
        assertThat(pending.getAbandonedAt()).isNotNull();
        assertThat(pending.getEntries()).extracting(BasketEntry::getOutcome).containsExactly(SessionOutcome.COMPLETED, null, null);
        assertThat(summaries(atHand)).contains("Collection session \"" + basket.getName() + "\" abandoned by " + AGENT
                + " with this account at hand; it stays in the basket, not worked");
        assertThat(summaries(untouched)).isEqualTo(untouchedBefore);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(session.getId())
                .variableName("abandonedBy").singleResult().getValue()).isEqualTo(AGENT);
    }

    @Test
    void aLaterSessionWorksOnlyTheAccountsLeftAfterAnAbandonedOne() {
        Account worked = account("Done Early AG");
        Account left = account("Left Over BV");
        Basket basket = basket(worked, left);
        ProcessInstance first = start(basket);
        sessions.work(first.getId(), worked.getId(), "skipped", "no answer", null, AGENT, false);
        sessions.abandon(first.getId(), SUPERVISOR, true);
        assertThat(baskets.require(basket.getId()).getAbandonedBy()).isEqualTo(SUPERVISOR);

        ProcessInstance second = start(basket);

        assertThat(task(second)).hasName("Work Left Over BV (2 of 2)");
        sessions.work(second.getId(), left.getId(), "completed", null, null, AGENT, false);
        sessions.complete(second.getId(), AGENT, false);
        assertThat(second).isEnded().hasPassed("EndEvent_SessionCompleted");
        Basket done = baskets.require(basket.getId());
        assertThat(done.getStatus()).isEqualTo(BasketStatus.DONE);
        assertThat(done.getEntries()).extracting(BasketEntry::getOutcome).containsExactly(SessionOutcome.SKIPPED, SessionOutcome.COMPLETED);
    }

    @Test
    void onlyTheSessionsAgentOrASupervisorMayAbandonAndOnlyWhileItRuns() {
        Account account = account("Guarded Abandon Oy");
        Basket basket = basket(account);
        ProcessInstance session = start(basket);

        assertThatThrownBy(() -> sessions.abandon(session.getId(), OTHER_AGENT, false)).isInstanceOf(AccessDeniedException.class);
        assertThat(session).isWaitingAt("Task_WorkAccount");

        sessions.work(session.getId(), account.getId(), "completed", null, null, AGENT, false);
        sessions.complete(session.getId(), AGENT, false);
        assertThatThrownBy(() -> sessions.abandon(session.getId(), AGENT, false)).isInstanceOf(ConflictException.class);
        assertThat(baskets.require(basket.getId()).getStatus()).isEqualTo(BasketStatus.DONE);
    }

    @Test
    void abandoningWhenEveryAccountIsWorkedLeavesNothingToWorkLater() {
        Account account = account("All Worked KG");
        Basket basket = basket(account);
        ProcessInstance session = start(basket);
        sessions.work(session.getId(), account.getId(), "completed", null, null, AGENT, false);
        assertThat(session).isWaitingAt("Task_CompleteSession");

        sessions.abandon(session.getId(), AGENT, false);

        assertThat(session).isEnded().hasPassed("EndEvent_SessionAbandoned");
        assertThat(baskets.require(basket.getId()).unworkedAccountIds()).isEmpty();
        assertThat(summaries(account)).noneMatch(s -> s.contains("abandoned"));
    }

    @Test
    void aBasketHoldsAnAccountOnceTheDatabaseRefusesASecondEntry() {
        Account account = account("Twice Picked Ltd");

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> baskets.save(new Basket("Twice " + UUID.randomUUID(), AGENT, List.of(account.getId(), account.getId()),
                        clock.instant())))).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("A basket holds each account once");
        // the API's list is de-duplicated before it gets there
        assertThat(baskets.create("Dedup " + UUID.randomUUID(), List.of(account.getExternalId(), account.getExternalId()), AGENT)
                .value().accountIds()).containsExactly(account.getId());
    }

    @Test
    void contactChangesDuringASessionSayWhoChangedWhat() {
        Account account = account("New Number Inc");
        start(basket(account));

        boolean changed = accounts.changeContact(account.getId(), "billing@new.example", " +1 555 0199 ", AGENT);

        assertThat(changed).isTrue();
        assertThat(accounts.get(account.getId()).getPhone()).isEqualTo("+1 555 0199");
        assertThat(timeline.of(account.getId())).filteredOn(e -> e.getType().equals("CONTACT_CHANGED")).singleElement()
                .satisfies(e -> assertThat(e.getSummary()).isEqualTo("Contact details changed by " + AGENT + ": email "
                        + account.getEmail() + " → billing@new.example; phone +1 555 0100 → +1 555 0199"));
        assertThat(accounts.changeContact(account.getId(), "billing@new.example", "+1 555 0199", AGENT)).isFalse();
        assertThatThrownBy(() -> accounts.changeContact(account.getId(), "not an email", null, AGENT))
                .isInstanceOf(BadRequestException.class);
        assertThat(types(account).stream().filter("CONTACT_CHANGED"::equals)).hasSize(1);
    }

    private ProcessInstance start(Basket basket) {
        Basket started = baskets.startSession(basket.getId(), AGENT, false);
        return runtime.createProcessInstanceQuery().processInstanceId(started.getSessionProcessInstanceId()).singleResult();
    }

    private Basket basket(Account... picked) {
        return baskets.create("Test " + UUID.randomUUID(), Arrays.stream(picked).map(Account::getExternalId).toList(), AGENT)
                .value();
    }

    /** An account owing 1234.56 EUR on invoice INV-40, 40 days past due. */
    private Account account(String name) {
        Account account = accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name, "ap-" + UUID.randomUUID()
                + "@customer.example", "+1 555 0100", "en-US", "UTC", "EUR", null)).account();
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-40",
                account.today(clock).minusDays(54), account.today(clock).minusDays(40), "EUR", new BigDecimal("1234.56"), null, null));
        return account;
    }

    /** As Tasklist submits the form, as the session's agent. */
    private void complete(Task task, Map<String, Object> form) {
        identity.setAuthentication(AGENT, List.of(Roles.AGENTS_GROUP));
        try {
            tasks.complete(task.getId(), new HashMap<>(form));
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<String> summaries(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getSummary).toList();
    }

    private List<String> types(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getType).toList();
    }
}
