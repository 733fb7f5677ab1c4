package io.dunwell.followup;

import static io.dunwell.followup.process.FollowUpTaskVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.security.EngineUser;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.agent.Agents;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.security.Roles;
import io.dunwell.timeline.Timeline;

/**
 * Follow-up tasks as people create, list and finish them. Creating one writes its row and starts
 * its {@code FollowUpTaskProcess} in one transaction; finishing one completes the process's user
 * task, so the console, the API and Tasklist all end a task the same way.
 */
@Service
@EnableConfigurationProperties(FollowUpProperties.class)
public class FollowUpTasks {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4000;

    private final FollowUpTaskRepository tasks;
    private final Accounts accounts;
    private final Invoices invoices;
    private final Agents agents;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final EngineUser engineUser;
    private final FollowUpProperties properties;
    private final RoleHierarchy roles;
    private final Clock clock;

    FollowUpTasks(FollowUpTaskRepository tasks, Accounts accounts, Invoices invoices, Agents agents,
                  Timeline timeline, RuntimeService runtime, TaskService taskService, EngineUser engineUser,
                  FollowUpProperties properties, RoleHierarchy roles, Clock clock) {
        this.tasks = tasks;
        this.accounts = accounts;
        this.invoices = invoices;
        this.agents = agents;
        this.timeline = timeline;
        this.runtime = runtime;
        this.taskService = taskService;
        this.engineUser = engineUser;
        this.properties = properties;
        this.roles = roles;
        this.clock = clock;
    }

    /** Throws {@link BadRequestException} with every field that is wrong; nothing is written then. */
    @Transactional
    public FollowUpTask create(NewFollowUpTask request, String owner) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Account> account = blank(request.accountId()) ? Optional.empty() : accounts.find(request.accountId());
        if (account.isEmpty()) {
            errors.add(new FieldError("accountId", blank(request.accountId()) ? "is required" : "no account '" + request.accountId() + "'"));
        }
        Invoice invoice = invoiceOf(request.invoiceId(), account, errors);
        checkText(request, errors);
        checkAssignee(request.assignee(), errors);
        account.ifPresent(found -> checkDates(request, found.today(clock), errors));
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        FollowUpTask task = tasks.save(new FollowUpTask(account.get().getId(), invoice == null ? null : invoice.getId(),
                request.name().strip(), blank(request.description()) ? null : request.description().strip(), owner,
                request.assignee(), request.dueDate(), request.reminderDate(), request.autoEscalate(), clock.instant()));
        task.started(start(task, account.get(), invoice).getId());
        timeline.append(task.getAccountId(), "FOLLOW_UP_CREATED", "Follow-up task '" + task.getName() + "' for "
                + task.getAssignee() + ", due " + task.getDueDate() + " (reminder " + task.getReminderDate() + ")"
                + (task.isAutoEscalate() ? ", escalates when due" : ""), reference(task));
        return task;
    }

    @Transactional(readOnly = true)
    public List<FollowUpTask> ofAccount(Long accountId) {
        return tasks.findByAccountIdOrderByDueDateAscIdAsc(accountId);
    }

    @Transactional(readOnly = true)
    public FollowUpTask get(Long id) {
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("follow-up task " + id));
    }

    /**
     * Ends the task as {@code completed} or {@code closed} by completing its Tasklist task. Only
     * whoever the task is assigned to now, or a supervisor, may; the note lands in the timeline.
     */
    @Transactional
    public FollowUpTask finish(Long id, String outcome, String note, Authentication user) {
        String userId = user.getName();
        boolean supervisor = isSupervisor(user);
        FollowUpTask task = get(id);
        Task open = openTask(task).orElseThrow(() -> new ConflictException("Follow-up task " + id + " is already " + task.getStatus()));
        if (!supervisor && !userId.equals(open.getAssignee())) {
            throw new AccessDeniedException(userId + " is not assigned follow-up task " + id);
        }
        if (!"completed".equals(outcome) && !"closed".equals(outcome)) {
            throw new BadRequestException("outcome", "must be 'completed' or 'closed'");
        }
        if (note != null && note.length() > MAX_TEXT) {
            throw new BadRequestException("note", "at most " + MAX_TEXT + " characters");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(OUTCOME, outcome);
        variables.put(NOTE, note == null ? "" : note);
        // the outcome step reads who finished it from the engine's authentication, as it does for Tasklist
        engineUser.complete(userId, open.getId(), variables);
        return get(id);
    }

    /** Who the open Tasklist task is with now: the assignee, the escalation point, or null for the supervisors group. */
    @Transactional(readOnly = true)
    public Optional<Task> openTask(FollowUpTask task) {
        if (!task.isPending() || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(USER_TASK).singleResult());
    }

    /** Supervisors and admins may end anyone's task. */
    public boolean isSupervisor(Authentication user) {
        return roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .anyMatch(granted -> granted.getAuthority().equals("ROLE_" + Roles.SUPERVISOR));
    }

    static String reference(FollowUpTask task) {
        return "follow-up:" + task.getId();
    }

    private ProcessInstance start(FollowUpTask task, Account account, Invoice invoice) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(FOLLOW_UP_TASK_ID, task.getId());
        variables.put(ASSIGNEE, task.getAssignee());
        variables.put(REMINDER_AT, at(task.getReminderDate(), account));
        variables.put(DUE_AT, at(task.getDueDate(), account));
        variables.put(AUTO_ESCALATE, task.isAutoEscalate());
        variables.put(FOLLOW_UP_NAME, task.getName());
        variables.put(DESCRIPTION, task.getDescription() == null ? "" : task.getDescription());
        variables.put(CUSTOMER_NAME, account.getName());
        variables.put(CUSTOMER_NUMBER, account.getExternalId());
        variables.put(INVOICE_NUMBER, invoice == null ? "—" : invoice.getNumber());
        variables.put(DUE_DATE, task.getDueDate().toString());
        variables.put(CONSOLE_LINK, "/console/accounts/" + account.getExternalId());
        return runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(reference(task)).setVariables(variables).execute();
    }

    /** The mail of a date goes out at the configured local time in the customer's zone, as dunning notices do. */
    private Date at(LocalDate date, Account account) {
        return Date.from(date.atTime(properties.notifyAt()).atZone(account.zone()).toInstant());
    }

    private Invoice invoiceOf(String invoiceId, Optional<Account> account, List<FieldError> errors) {
        if (blank(invoiceId)) {
            return null;
        }
        Optional<Invoices.InvoiceView> view = invoices.view(invoiceId);
        if (view.isEmpty()) {
            errors.add(new FieldError("invoiceId", "no invoice '" + invoiceId + "'"));
            return null;
        }
        if (account.isPresent() && !view.get().accountExternalId().equals(account.get().getExternalId())) {
            errors.add(new FieldError("invoiceId", "invoice '" + invoiceId + "' belongs to another account"));
        }
        return view.get().invoice();
    }

    private static void checkText(NewFollowUpTask request, List<FieldError> errors) {
        if (blank(request.name())) {
            errors.add(new FieldError("name", "is required"));
        } else if (request.name().strip().length() > MAX_NAME) {
            errors.add(new FieldError("name", "at most " + MAX_NAME + " characters"));
        }
        if (request.description() != null && request.description().strip().length() > MAX_TEXT) {
            errors.add(new FieldError("description", "at most " + MAX_TEXT + " characters"));
        }
    }

    private void checkAssignee(String assignee, List<FieldError> errors) {
        if (blank(assignee)) {
            errors.add(new FieldError("assignee", "is required"));
            return;
        }
        try {
            agents.requireActive(assignee);
        } catch (BadRequestException notAssignable) {
            notAssignable.errors().forEach(error -> errors.add(new FieldError("assignee", error.message())));
        }
    }

    private static void checkDates(NewFollowUpTask request, LocalDate today, List<FieldError> errors) {
        if (request.dueDate() == null) {
            errors.add(new FieldError("dueDate", "is required"));
        } else if (request.dueDate().isBefore(today)) {
            errors.add(new FieldError("dueDate", "lies in the past (today is " + today + " for the account)"));
        }
        if (request.reminderDate() == null) {
            errors.add(new FieldError("reminderDate", "is required"));
        } else if (request.reminderDate().isBefore(today)) {
            errors.add(new FieldError("reminderDate", "lies in the past (today is " + today + " for the account)"));
        } else if (request.dueDate() != null && request.reminderDate().isAfter(request.dueDate())) {
            errors.add(new FieldError("reminderDate", "must not be after the due date"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
