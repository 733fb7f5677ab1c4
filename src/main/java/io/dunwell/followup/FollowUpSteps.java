package io.dunwell.followup;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.agent.EscalationPoints;
import io.dunwell.followup.process.FollowUpTaskVariables;
import io.dunwell.notification.StaffMail;
import io.dunwell.system.security.Roles;
import io.dunwell.timeline.Timeline;

/**
 * What {@code FollowUpTaskProcess} does to a follow-up task: the reminder mail, the due mail, the
 * escalation and the outcome. Each lands in the account's timeline.
 */
@Service
public class FollowUpSteps {

    static final String REMINDER_TEMPLATE = "follow-up-reminder";
    static final String DUE_TEMPLATE = "follow-up-due";

    private final FollowUpTaskRepository tasks;
    private final StaffMail staffMail;
    private final Accounts accounts;
    private final EscalationPoints escalationPoints;
    private final IdentityService identity;
    private final TaskService taskService;
    private final Timeline timeline;
    private final Clock clock;

    FollowUpSteps(FollowUpTaskRepository tasks, StaffMail staffMail, Accounts accounts, EscalationPoints escalationPoints,
                  IdentityService identity, TaskService taskService, Timeline timeline, Clock clock) {
        this.tasks = tasks;
        this.staffMail = staffMail;
        this.accounts = accounts;
        this.escalationPoints = escalationPoints;
        this.identity = identity;
        this.taskService = taskService;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The reminder date came: the assignee is told. */
    @Transactional
    public void remind(Long taskId) {
        FollowUpTask task = require(taskId);
        List<String> told = mail(task, REMINDER_TEMPLATE, List.of(task.getAssignee()));
        timeline.append(task.getAccountId(), "FOLLOW_UP_REMINDED", "Reminder of follow-up task '" + task.getName() + "' "
                + (told.isEmpty() ? "not mailed: " + task.getAssignee() + " has no email address" : "mailed to " + task.getAssignee()),
                FollowUpTasks.reference(task));
    }

    /** The due date came: owner and assignee are told. */
    @Transactional
    public void due(Long taskId) {
        FollowUpTask task = require(taskId);
        List<String> told = mail(task, DUE_TEMPLATE, List.of(task.getOwner(), task.getAssignee()).stream().distinct().toList());
        timeline.append(task.getAccountId(), "FOLLOW_UP_DUE", "Follow-up task '" + task.getName() + "' is due; mailed to "
                + (told.isEmpty() ? "nobody (no email address)" : String.join(", ", told)), FollowUpTasks.reference(task));
    }

    /**
     * Hands the open task to the assignee's escalation point, or to the supervisors group when
     * the assignee has none. Returns the escalation point, or null for the group.
     */
    @Transactional
    public String escalate(Long taskId, String processInstanceId) {
        FollowUpTask task = require(taskId);
        Optional<String> point = escalationPoints.of(task.getAssignee());
        Task open = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(FollowUpTaskVariables.USER_TASK).singleResult();
        if (open != null) {
            taskService.setAssignee(open.getId(), point.orElse(null));
            if (point.isEmpty()) {
                taskService.addCandidateGroup(open.getId(), Roles.SUPERVISORS_GROUP);
            }
        }
        task.escalatedTo(point.orElse(Roles.SUPERVISORS_GROUP), clock.instant());
        timeline.append(task.getAccountId(), "FOLLOW_UP_ESCALATED", "Follow-up task '" + task.getName() + "' escalated from "
                + task.getAssignee() + " to " + point.orElse("the supervisors group"), FollowUpTasks.reference(task));
        return point.orElse(null);
    }

    /** The user task was completed in Tasklist, the console or the API: {@code completed} or {@code closed}. */
    @Transactional
    public void recordOutcome(Long taskId, String outcome, String note) {
        FollowUpTask task = require(taskId);
        FollowUpStatus status = "closed".equals(outcome) ? FollowUpStatus.CLOSED : FollowUpStatus.COMPLETED;
        Authentication by = identity.getCurrentAuthentication();
        String who = by == null || by.getUserId() == null ? "unknown" : by.getUserId();
        task.finish(status, note == null || note.isBlank() ? null : note.strip(), who, clock.instant());
        timeline.append(task.getAccountId(), "FOLLOW_UP_" + status, "Follow-up task '" + task.getName() + "' "
                + status.name().toLowerCase() + " by " + who + (task.getOutcomeNote() == null ? "" : ": " + task.getOutcomeNote()),
                FollowUpTasks.reference(task));
    }

    /** The recipients that have an address and got the mail, now or before; throws when the SMTP server refused one, for the job's retry. */
    private List<String> mail(FollowUpTask task, String template, List<String> userIds) {
        Account account = accounts.get(task.getAccountId());
        return userIds.stream().filter(userId -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                return false;
            }
            staffMail.sendOnce(user.getEmail(), template, model(task, account, userId), keyOf(task, template, user.getEmail()));
            return true;
        }).toList();
    }

    /** One mail per task, template and address: a retried step, or a second node, finds it sent. */
    private static String keyOf(FollowUpTask task, String template, String address) {
        return "follow-up:" + task.getId() + ":" + template + ":" + address;
    }

    private static Map<String, Object> model(FollowUpTask task, Account account, String recipient) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("recipient", recipient);
        model.put("taskName", task.getName());
        model.put("description", task.getDescription() == null ? "" : task.getDescription());
        model.put("customerName", account.getName());
        model.put("customerNumber", account.getExternalId());
        model.put("assignee", task.getAssignee());
        model.put("owner", task.getOwner());
        model.put("dueDate", task.getDueDate().toString());
        model.put("reminderDate", task.getReminderDate().toString());
        model.put("autoEscalate", task.isAutoEscalate() ? "yes" : "no");
        return model;
    }

    private FollowUpTask require(Long taskId) {
        return tasks.findById(taskId).orElseThrow(() -> new IllegalStateException("No follow-up task " + taskId));
    }
}
