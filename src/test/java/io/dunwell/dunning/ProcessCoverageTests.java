package io.dunwell.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.dunwell.DunwellIntegrationTest;

/**
 * Flow-node coverage of the process tests: every test class shares one engine, whose history
 * records each activity instance, so after all of them ran (this class is ordered last, see
 * junit-platform.properties) the activities ever passed per process are the covered ones. Fails
 * below 90 % and prints what no test passes through.
 */
@DunwellIntegrationTest
@Order(Integer.MAX_VALUE)
class ProcessCoverageTests {

    private static final double REQUIRED = 0.90;

    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;

    @ParameterizedTest
    @ValueSource(strings = {"DunningCaseProcess", "DunningRunProcess", "CollectionSessionProcess", "FollowUpTaskProcess",
            "LatePaymentChargesProcess", "MoneyMoveApprovalProcess"})
    void processTestsPassThroughAtLeastNinetyPercentOfTheFlowNodes(String processKey) {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult().getId();
        BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
        Set<String> nodes = ids(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
        Set<String> passed = history.createHistoricActivityInstanceQuery().processDefinitionId(definitionId).list().stream()
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missed = new TreeSet<>(nodes);
        missed.removeAll(passed);
        double coverage = 1.0 - (double) missed.size() / nodes.size();

        System.out.printf("Flow-node coverage of %s: %.1f %% (%d of %d); not passed: %s%n", processKey, coverage * 100,
                nodes.size() - missed.size(), nodes.size(), missed);
        assertThat(coverage).as(processKey + " flow nodes no test passes: " + missed).isGreaterThanOrEqualTo(REQUIRED);
    }

    private static Set<String> ids(Collection<String> ids) {
        return new TreeSet<>(ids);
    }
}
