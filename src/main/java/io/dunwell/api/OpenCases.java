package io.dunwell.api;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Reads the account's open dunning case from the engine: business key = the account's external id. */
@Component
class OpenCases {

    static final String DUNNING_CASE_PROCESS = "DunningCaseProcess";

    private final RuntimeService runtime;

    OpenCases(RuntimeService runtime) {
        this.runtime = runtime;
    }

    AccountResponse.OpenCase of(String accountExternalId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(DUNNING_CASE_PROCESS)
                .processInstanceBusinessKey(accountExternalId)
                .active()
                .list().stream().findFirst().orElse(null);
        if (instance == null) {
            return null;
        }
        ActivityInstance tree = runtime.getActivityInstance(instance.getId());
        return new AccountResponse.OpenCase(instance.getId(), DUNNING_CASE_PROCESS, tree == null ? List.of() : leafNames(tree));
    }

    private static List<String> leafNames(ActivityInstance node) {
        if (node.getChildActivityInstances().length == 0) {
            return List.of(node.getActivityName() == null ? node.getActivityId() : node.getActivityName());
        }
        return java.util.Arrays.stream(node.getChildActivityInstances()).flatMap(child -> leafNames(child).stream()).toList();
    }
}
