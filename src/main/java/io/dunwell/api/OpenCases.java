package io.dunwell.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.process.DunningCaseVariables;

/**
 * Reads the account's open dunning case from the engine (business key = the account's external
 * id) and names the steps it is at: a waiting user task by its own name ("Call Acme Corp"), any
 * other step by its name in the model.
 */
@Component
class OpenCases {

    private final RuntimeService runtime;
    private final TaskService tasks;

    OpenCases(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    AccountResponse.OpenCase of(String accountExternalId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(DunningCaseVariables.PROCESS_KEY)
                .processInstanceBusinessKey(accountExternalId)
                .active()
                .list().stream().findFirst().orElse(null);
        if (instance == null) {
            return null;
        }
        ActivityInstance tree = runtime.getActivityInstance(instance.getId());
        Map<String, String> taskNames = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .collect(Collectors.toMap(Task::getTaskDefinitionKey, Task::getName, (first, second) -> first));
        return new AccountResponse.OpenCase(instance.getId(), DunningCaseVariables.PROCESS_KEY,
                tree == null ? List.of() : leafNames(tree, taskNames));
    }

    private static List<String> leafNames(ActivityInstance node, Map<String, String> taskNames) {
        if (node.getChildActivityInstances().length == 0) {
            return List.of(taskNames.getOrDefault(node.getActivityId(),
                    node.getActivityName() == null ? node.getActivityId() : node.getActivityName()));
        }
        return Arrays.stream(node.getChildActivityInstances()).flatMap(child -> leafNames(child, taskNames).stream()).toList();
    }
}
