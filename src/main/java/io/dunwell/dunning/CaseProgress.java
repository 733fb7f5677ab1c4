package io.dunwell.dunning;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 * id) and names the steps it is at: a waiting user task by its own name ("Call Acme Corp"), with
 * the task's id so a person can open it in Tasklist; any other step by its name in the model.
 */
@Component
public class CaseProgress {

    /** A step the case waits at; {@code taskId} is set when it is a user task. */
    public record Step(String name, String taskId) {
    }

    public record OpenCase(String processInstanceId, String processDefinitionKey, List<Step> steps) {

        public List<String> stepNames() {
            return steps.stream().map(Step::name).toList();
        }
    }

    private final RuntimeService runtime;
    private final TaskService tasks;

    CaseProgress(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public Optional<OpenCase> of(String accountExternalId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(DunningCaseVariables.PROCESS_KEY)
                .processInstanceBusinessKey(accountExternalId)
                .active()
                .list().stream().findFirst().orElse(null);
        if (instance == null) {
            return Optional.empty();
        }
        ActivityInstance tree = runtime.getActivityInstance(instance.getId());
        Map<String, Task> waitingTasks = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .collect(Collectors.toMap(Task::getTaskDefinitionKey, Function.identity(), (first, second) -> first));
        return Optional.of(new OpenCase(instance.getId(), DunningCaseVariables.PROCESS_KEY,
                tree == null ? List.of() : leaves(tree, waitingTasks)));
    }

    private static List<Step> leaves(ActivityInstance node, Map<String, Task> waitingTasks) {
        if (node.getChildActivityInstances().length == 0) {
            Task task = waitingTasks.get(node.getActivityId());
            if (task != null) {
                return List.of(new Step(task.getName(), task.getId()));
            }
            return List.of(new Step(node.getActivityName() == null ? node.getActivityId() : node.getActivityName(), null));
        }
        return Arrays.stream(node.getChildActivityInstances()).flatMap(child -> leaves(child, waitingTasks).stream()).toList();
    }
}
