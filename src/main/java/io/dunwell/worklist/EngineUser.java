package io.dunwell.worklist;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Completes a task from the console as the signed-in user, the way Tasklist does: the engine
 * checks the user's task permissions, and the steps after the task know who acted.
 */
@Component
class EngineUser {

    private final IdentityService identity;
    private final TaskService tasks;

    EngineUser(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    void complete(String user, String taskId, Map<String, Object> variables) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
        try {
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
