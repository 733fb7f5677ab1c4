package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.AGENCY_NAME;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.ESCALATION_DECIDED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.AgencyPlacements;

/**
 * Task_PlaceWithAgency: asyncBefore, so it runs in a job without the reviewer's login; the
 * placement names the reviewer recorded with the decision.
 */
@Component
public class PlaceWithAgencyDelegate implements JavaDelegate {

    private final AgencyPlacements placements;

    PlaceWithAgencyDelegate(AgencyPlacements placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        placements.place((Long) execution.getVariable(CASE_ID), (Long) execution.getVariable(ACCOUNT_ID),
                ((String) execution.getVariable(AGENCY_NAME)).trim(), (String) execution.getVariable(ESCALATION_DECIDED_BY));
    }
}
