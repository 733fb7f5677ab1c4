package io.dunwell.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.agent.EscalationPoints;
import io.dunwell.dunning.CaseJobs;
import io.dunwell.dunning.Mailbox;
import io.dunwell.system.security.Roles;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/**
 * FollowUpTaskProcess, one method per path: the assignee completes or closes the task; the
 * reminder date mails the assignee; the due date mails owner and assignee and, with
 * auto-escalation, hands the open task to the escalation point or the supervisors.
 */
@DunwellIntegrationTest
class FollowUpTaskProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired FollowUpTasks followUps;
    @Autowired FollowUpSteps steps;
    @Autowired EscalationPoints escalationPoints;
    @Autowired Timeline timeline;
    @Autowired Clock clock;
    @Autowired FilterService filters;

    FollowUpPeople people;
    CaseJobs jobs;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        people = new FollowUpPeople(accounts, identity);
        jobs = new CaseJobs(management);
        mailbox = Mailbox.start();
    }

    @AfterEach
    void tearDown() {
        mailbox.stop();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void createdTaskWaitsForTheAssigneeWithBothTimersAtEightInTheAccountsZone() {
        Account account = people.account("Tokyo Trading KK", "Asia/Tokyo");
        String agent = people.agent();
        LocalDate today = account.today(clock);
        FollowUpTask task = create(account, agent, today.plusDays(5), today.plusDays(3), false);
        ProcessInstance pi = instanceOf(task);

        assertThat(pi).isWaitingAt("Task_FollowUp");
        assertThat(task(pi)).hasName("Follow up: Check remittance — Tokyo Trading KK").isAssignedTo(agent);
        assertThat(pi).variables().containsEntry("followUpTaskId", task.getId()).containsEntry("assignee", agent)
                .containsEntry("customerNumber", account.getExternalId()).containsEntry("invoiceNumber", "—")
                .containsEntry("consoleLink", "/console/accounts/" + account.getExternalId())
                .containsEntry("dueDate", today.plusDays(5).toString()).containsEntry("autoEscalate", false)
                .doesNotContainValue(account.getEmail()).hasSize(12);
        assertThat(timerOf(pi, "BoundaryEvent_ReminderDue").getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(today.plusDays(3).atTime(8, 0), ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(timerOf(pi, "BoundaryEvent_TaskDue").getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(today.plusDays(5).atTime(8, 0), ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(followUps.get(task.getId()).getStatus()).isEqualTo(FollowUpStatus.PENDING);
        assertThat(types(account)).containsExactly("FOLLOW_UP_CREATED");
        assertThat(followUpsFilterOf(agent, Roles.AGENTS_GROUP)).containsExactly(task(pi).getId());
    }

    @Test
    void completedTaskEndsCompletedWithTheNoteInTheTimeline() {
        Account account = people.account("Done Deal Ltd", "Europe/London");
        String agent = people.agent();
        FollowUpTask task = create(account, agent, account.today(clock).plusDays(2), account.today(clock), true);
        ProcessInstance pi = instanceOf(task);

        completeAs(agent, pi, Map.of("followUpOutcome", "completed", "followUpNote", "remittance matched"));

        assertThat(pi).hasPassedInOrder("Task_FollowUp", "Task_RecordOutcome", "Gateway_Outcome", "EndEvent_FollowUpCompleted")
                .hasNotPassed("Task_SendReminder", "Task_SendDueNotice").isEnded();
        FollowUpTask done = followUps.get(task.getId());
        assertThat(done.getStatus()).isEqualTo(FollowUpStatus.COMPLETED);
        assertThat(done.getOutcomeNote()).isEqualTo("remittance matched");
        assertThat(done.getFinishedBy()).isEqualTo(agent);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).as("timers gone").isZero();
        assertThat(summaries(account)).contains("Follow-up task 'Check remittance' completed by " + agent + ": remittance matched");
        assertThat(mailbox.all()).isEmpty();
    }

    @Test
    void closedTaskEndsClosed() {
        Account account = people.account("Moot Point GmbH", "Europe/Berlin");
        String agent = people.agent();
        FollowUpTask task = create(account, agent, account.today(clock).plusDays(2), account.today(clock).plusDays(1), false);
        ProcessInstance pi = instanceOf(task);

        completeAs(agent, pi, Map.of("followUpOutcome", "closed", "followUpNote", ""));

        assertThat(pi).hasPassedInOrder("Task_RecordOutcome", "Gateway_Outcome", "EndEvent_FollowUpClosed")
                .hasNotPassed("EndEvent_FollowUpCompleted").isEnded();
        assertThat(followUps.get(task.getId()).getStatus()).isEqualTo(FollowUpStatus.CLOSED);
        assertThat(followUps.get(task.getId()).getOutcomeNote()).isNull();
        assertThat(types(account)).containsExactly("FOLLOW_UP_CREATED", "FOLLOW_UP_CLOSED");
    }

    @Test
    void reminderDateMailsTheAssigneeOnceAndTheTaskStaysOpen() {
        Account account = people.account("Slow Payer Inc", "America/New_York");
        String agent = people.agent();
        FollowUpTask task = create(account, agent, account.today(clock).plusDays(4), account.today(clock).plusDays(1), false);
        ProcessInstance pi = instanceOf(task);

        fire(pi, "BoundaryEvent_ReminderDue");

        assertThat(pi).hasPassedInOrder("BoundaryEvent_ReminderDue", "Task_SendReminder", "EndEvent_ReminderSent")
                .isWaitingAt("Task_FollowUp");
        assertThat(task(pi)).isAssignedTo(agent);
        assertThat(mailbox.subjectsTo(FollowUpPeople.mailOf(agent)))
                .containsExactly("Reminder: follow-up task \"Check remittance\" for Slow Payer Inc is due " + task.getDueDate());
        steps.remind(task.getId());
        assertThat(mailbox.to(FollowUpPeople.mailOf(agent))).as("a retried step sends nothing new").hasSize(1);
        assertThat(types(account)).contains("FOLLOW_UP_REMINDED");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("BoundaryEvent_TaskDue").count())
                .as("the due timer still waits").isOne();
    }

    @Test
    void dueDateWithoutAutoEscalationMailsOwnerAndAssigneeAndKeepsTheAssignee() {
        Account account = people.account("Late Again Ltd", "Europe/London");
        String agent = people.agent();
        String owner = people.supervisor();
        FollowUpTask task = createAs(owner, account, agent, account.today(clock).plusDays(2), account.today(clock).plusDays(1), false);
        ProcessInstance pi = instanceOf(task);

        fire(pi, "BoundaryEvent_TaskDue");

        assertThat(pi).hasPassedInOrder("BoundaryEvent_TaskDue", "Task_SendDueNotice", "Gateway_AutoEscalate", "EndEvent_DueNoticeSent")
                .hasNotPassed("Task_EscalateFollowUp").isWaitingAt("Task_FollowUp");
        assertThat(task(pi)).isAssignedTo(agent);
        String subject = "Due today: follow-up task \"Check remittance\" for Late Again Ltd";
        assertThat(mailbox.subjectsTo(FollowUpPeople.mailOf(agent))).containsExactly(subject);
        assertThat(mailbox.subjectsTo(FollowUpPeople.mailOf(owner))).containsExactly(subject);
        assertThat(followUps.get(task.getId()).getEscalatedTo()).isNull();
        assertThat(summaries(account)).contains("Follow-up task 'Check remittance' is due; mailed to " + owner + ", " + agent);
    }

    @Test
    void dueDateWithAutoEscalationReassignsTheOpenTaskToTheEscalationPoint() {
        Account account = people.account("Escalation Corp", "Europe/London");
        String agent = people.agent();
        String supervisor = people.supervisor();
        escalationPoints.set(agent, supervisor);
        FollowUpTask task = create(account, agent, account.today(clock).plusDays(2), account.today(clock).plusDays(1), true);
        ProcessInstance pi = instanceOf(task);

        fire(pi, "BoundaryEvent_TaskDue");

        assertThat(pi).hasPassedInOrder("Task_SendDueNotice", "Gateway_AutoEscalate", "Task_EscalateFollowUp", "EndEvent_FollowUpEscalated")
                .isWaitingAt("Task_FollowUp").variables().containsEntry("escalatedTo", supervisor);
        assertThat(task(pi)).isAssignedTo(supervisor);
        assertThat(followUps.get(task.getId()).getEscalatedTo()).isEqualTo(supervisor);
        assertThat(followUpsFilterOf(supervisor, Roles.SUPERVISORS_GROUP)).contains(task(pi).getId());
        assertThat(followUpsFilterOf(agent, Roles.AGENTS_GROUP)).doesNotContain(task(pi).getId());
        assertThat(summaries(account)).contains("Follow-up task 'Check remittance' escalated from " + agent + " to " + supervisor);

        completeAs(supervisor, pi, Map.of("followUpOutcome", "completed", "followUpNote", "called them myself"));
        assertThat(pi).hasPassed("EndEvent_FollowUpCompleted").isEnded();
        assertThat(followUps.get(task.getId()).getFinishedBy()).isEqualTo(supervisor);
    }

    @Test
    void dueDateWithAutoEscalationAndNoEscalationPointHandsTheTaskToTheSupervisors() {
        Account account = people.account("Nobody Above Ltd", "Europe/London");
        String agent = people.agent();
        FollowUpTask task = create(account, agent, account.today(clock).plusDays(2), account.today(clock).plusDays(1), true);
        ProcessInstance pi = instanceOf(task);

        fire(pi, "BoundaryEvent_TaskDue");

        assertThat(pi).hasPassed("Task_EscalateFollowUp").isWaitingAt("Task_FollowUp").variables().containsEntry("escalatedTo", null);
        assertThat(task(pi)).isNotAssigned().hasCandidateGroup("supervisors");
        assertThat(followUps.get(task.getId()).getEscalatedTo()).isEqualTo("supervisors");
    }

    private FollowUpTask create(Account account, String agent, LocalDate due, LocalDate reminder, boolean autoEscalate) {
        return createAs(people.supervisor(), account, agent, due, reminder, autoEscalate);
    }

    private FollowUpTask createAs(String owner, Account account, String agent, LocalDate due, LocalDate reminder, boolean autoEscalate) {
        return followUps.create(new NewFollowUpTask(account.getExternalId(), null, "Check remittance",
                "They say the money left on Monday", agent, due, reminder, autoEscalate), owner);
    }

    private ProcessInstance instanceOf(FollowUpTask task) {
        return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    }

    private Job timerOf(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    /** Fires the timer as the job executor would on its date, then runs the async step it leads to. */
    private void fire(ProcessInstance pi, String activityId) {
        management.executeJob(timerOf(pi, activityId).getId());
        jobs.runDue(pi.getId());
    }

    private void completeAs(String userId, ProcessInstance pi, Map<String, Object> variables) {
        identity.setAuthenticatedUserId(userId);
        try {
            tasks.complete(task(pi).getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** What Tasklist's "Follow-ups" filter lists for the user. */
    private List<String> followUpsFilterOf(String userId, String group) {
        String filterId = filters.createFilterQuery().filterName("Follow-ups").singleResult().getId();
        identity.setAuthentication(userId, List.of(group));
        try {
            return filters.<Task>list(filterId).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<String> types(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getType).filter(type -> type.startsWith("FOLLOW_UP")).toList();
    }

    private List<String> summaries(Account account) {
        return timeline.of(account.getId()).stream().map(TimelineEntry::getSummary).toList();
    }
}
