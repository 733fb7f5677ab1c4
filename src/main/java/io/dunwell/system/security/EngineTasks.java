package io.dunwell.system.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@link EngineRestGuard} needs to know of a task and of the caller, read through the
 * engine's public API before the engine authenticates the request (so nothing is hidden from it).
 */
@Component
class EngineTasks {

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();

    EngineTasks(TaskService tasks, FormService forms, IdentityService identity) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
    }

    TaskAccess caller(String userId) {
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
        return new TaskAccess(userId, groups);
    }

    Optional<TaskAccess.EngineTask> find(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        List<IdentityLink> links = tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        Object requestedBy = task.getExecutionId() == null ? null : tasks.getVariable(taskId, TaskAccess.REQUESTED_BY);
        return Optional.of(new TaskAccess.EngineTask(task.getTaskDefinitionKey(), task.getAssignee(),
                links.stream().map(IdentityLink::getUserId).filter(user -> user != null).toList(),
                links.stream().map(IdentityLink::getGroupId).filter(group -> group != null).toList(),
                requestedBy == null ? null : requestedBy.toString()));
    }

    boolean partOfAProcess(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return task != null && task.getProcessInstanceId() != null;
    }

    /** The keys of the fields the task's Camunda Form declares; none when it has no form. */
    Set<String> formFields(String taskId) {
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            Set<String> keys = new HashSet<>();
            collectKeys(json.readTree(form), keys);
            return keys;
        } catch (ProcessEngineException | IOException noForm) {
            return Set.of();
        }
    }

    private static void collectKeys(JsonNode component, Set<String> keys) {
        if (component.hasNonNull("key") && component.has("type")) {
            keys.add(component.get("key").asText());
        }
        for (JsonNode child : component.path("components")) {
            collectKeys(child, keys);
        }
    }
}
