package io.dunwell.dunning;

import static io.dunwell.dunning.TasklistFilters.COLLECTIONS_GROUP;
import static io.dunwell.dunning.TasklistFilters.ESCALATIONS;
import static io.dunwell.dunning.TasklistFilters.MY_CALLS;
import static io.dunwell.dunning.TasklistFilters.PROMISES_DUE;
import static io.dunwell.dunning.TasklistFilters.FOLLOW_UPS;
import static io.dunwell.dunning.TasklistFilters.READERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

@DunwellIntegrationTest
class TasklistFiltersTests {

    private static final String AGENT = "filtersagent";
    private static final String OTHER_AGENT = "filtersotheragent";
    private static final List<String> ALL = List.of(MY_CALLS, COLLECTIONS_GROUP, ESCALATIONS, PROMISES_DUE, FOLLOW_UPS);

    @Autowired
    TasklistFilters bootstrap;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;

    private final List<String> createdTasks = new ArrayList<>();

    @BeforeEach
    void setUp() {
        identity.clearAuthentication();
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, OTHER_AGENT, Roles.AGENTS_GROUP);
    }

    @AfterEach
    void cleanUp() {
        identity.clearAuthentication();
        createdTasks.forEach(id -> tasks.deleteTask(id, true));
    }

    @Test
    void startupCreatesEachFilterOnce() {
        assertThat(filterNames()).containsOnlyOnce(ALL.toArray(String[]::new));
    }

    @Test
    void runningTheBootstrapAgainCreatesNoDuplicates() {
        long before = filters.createFilterQuery().count();

        bootstrap.ensureFilters();

        assertThat(filters.createFilterQuery().count()).isEqualTo(before);
        assertThat(filterNames()).containsOnlyOnce(ALL.toArray(String[]::new));
    }

    @Test
    void filtersAreOwnedByNobodyAndShowTheAccountInTheTaskList() {
        assertThat(ALL).allSatisfy(name -> {
            Filter filter = filter(name);
            assertThat(filter.getOwner()).isNull();
            assertThat(filter.getProperties()).containsEntry("priority", ALL.indexOf(name) + 1)
                    .containsEntry("refresh", true).containsKeys("color", "description");
            assertThat(variablesShown(filter)).containsExactly("customerName", "amountOwed", "daysPastDue");
        });
    }

    @Test
    void agentsSupervisorsAndAdminsAreGrantedReadOnEachFilter() {
        assertThat(ALL).allSatisfy(name -> assertThat(READERS).allSatisfy(group -> assertThat(authorizations
                .createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter(name).getId())
                .groupIdIn(group).hasPermission(Permissions.READ).count()).as("%s reads %s", group, name).isEqualTo(1)));
    }

    @Test
    void myCallsShowsTheAgentTheirOwnTasksButNotSomeoneElses() {
        Task mine = task("Call ACME", AGENT);
        Task theirs = task("Call Globex", OTHER_AGENT);
        // the agent may see the other task too, so only the filter can be what leaves it out
        tasks.addCandidateUser(theirs.getId(), AGENT);
        String myCalls = filter(MY_CALLS).getId();

        identity.setAuthentication(AGENT, List.of(Roles.AGENTS_GROUP));

        assertThat(filters.getFilter(myCalls)).isNotNull();
        assertThat(tasks.createTaskQuery().list()).extracting(Task::getId).contains(mine.getId(), theirs.getId());
        assertThat(filters.<Task>list(myCalls)).extracting(Task::getId).containsExactly(mine.getId());
    }

    private Task task(String name, String assignee) {
        Task task = tasks.newTask();
        task.setName(name);
        task.setAssignee(assignee);
        tasks.saveTask(task);
        createdTasks.add(task.getId());
        return task;
    }

    private List<String> filterNames() {
        return filters.createFilterQuery().list().stream().map(Filter::getName).toList();
    }

    private Filter filter(String name) {
        return filters.createFilterQuery().filterName(name).singleResult();
    }

    @SuppressWarnings("unchecked")
    private static List<String> variablesShown(Filter filter) {
        return ((List<Map<String, Object>>) filter.getProperties().get("variables")).stream()
                .map(variable -> (String) variable.get("name")).toList();
    }
}
