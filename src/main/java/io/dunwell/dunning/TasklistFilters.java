package io.dunwell.dunning;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.system.security.Roles;

/**
 * The task filters a collections team opens Tasklist to: their own calls, the group's unclaimed
 * work, escalations and broken promises. They belong to nobody (no owner), so no admin account
 * has to exist for them and every role sees the same list; each is readable by agents,
 * supervisors and admins by an explicit grant, which keeps them visible should an admin narrow
 * the groups' blanket filter grant from {@code IdentityBootstrap}.
 *
 * <p>A filter is created only when none of its name exists, so a restart or a second node adds
 * nothing and a filter an admin edited in Tasklist stays as edited. The engine has no unique
 * name for filters, so two nodes starting in the same instant on an empty database could each
 * create the set; the whole check-and-create runs in one transaction, which keeps that window to
 * a few milliseconds and, more to the point, never leaves a filter without its grants (a filter
 * left behind that way would be skipped by the name check forever). The worst case is a
 * duplicate an admin deletes in Tasklist; later starts add no more.
 */
@Component
class TasklistFilters {

    static final String MY_CALLS = "My calls";
    static final String COLLECTIONS_GROUP = "Collections group";
    static final String ESCALATIONS = "Escalations";
    static final String PROMISES_DUE = "Promises due";
    /** The follow-up module's tasks (FollowUpTaskProcess) assigned to me, soonest due first. */
    static final String FOLLOW_UPS = "Follow-ups";
    static final List<String> READERS = List.of(Roles.AGENTS_GROUP, Roles.SUPERVISORS_GROUP, Roles.ADMINS_GROUP);

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final TransactionTemplate transaction;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
            TransactionTemplate transaction) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureFilters() {
        transaction.executeWithoutResult(status -> {
            ensure(MY_CALLS, 1, "#1f6feb", "Calls assigned to me",
                    () -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
            ensure(COLLECTIONS_GROUP, 2, "#2da44e", "Unclaimed tasks of the collection agents",
                    () -> tasks.createTaskQuery().taskCandidateGroup(Roles.AGENTS_GROUP));
            ensure(ESCALATIONS, 3, "#d1242f", "Escalations for the supervisors, claimed or not",
                    () -> tasks.createTaskQuery().taskCandidateGroup(Roles.SUPERVISORS_GROUP).includeAssignedTasks());
            ensure(PROMISES_DUE, 4, "#bf8700", "Broken promises to follow up",
                    () -> tasks.createTaskQuery().taskDefinitionKey("Task_FollowUpBrokenPromise"));
            ensure(FOLLOW_UPS, 5, "#8250df", "Follow-up tasks assigned to me, by due date",
                    () -> tasks.createTaskQuery().taskDefinitionKey("Task_FollowUp").taskAssigneeExpression("${currentUser()}")
                            .orderByDueDate().asc());
        });
    }

    private void ensure(String name, int priority, String color, String description, Supplier<TaskQuery> query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query.get());
        filter.setProperties(properties(priority, color, description));
        filters.saveFilter(filter);
        READERS.forEach(group -> grantRead(group, filter.getId()));
        log.info("Created Tasklist filter {}", name);
    }

    private static Map<String, Object> properties(int priority, String color, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("color", color);
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", "customerName", "label", "Customer"),
                Map.of("name", "amountOwed", "label", "Amount owed"),
                Map.of("name", "daysPastDue", "label", "Days past due")));
        return properties;
    }

    private void grantRead(String group, String filterId) {
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }
}
