package io.dunwell.dunning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * The notices of a dunning case, read from the {@code DunningCadence} decision table in
 * {@code bpmn/dunning-cadence.dmn}: a process designer changes days, templates and channels per
 * segment there and redeploys, without a Java change.
 */
@Service
public class DunningCadence {

    static final String DECISION_KEY = "DunningCadence";
    /** A guard against a table whose rules match every level. */
    private static final int MAX_LEVELS = 20;

    private final DecisionService decisions;

    DunningCadence(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The steps for the account's segment, level 1 first; a level without a matching rule ends the list. */
    public List<CadenceStep> stepsFor(String segment) {
        List<CadenceStep> steps = new ArrayList<>();
        for (int level = 1; level <= MAX_LEVELS; level++) {
            DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey(DECISION_KEY)
                    .variables(Map.of("segment", segment == null ? "" : segment, "level", level))
                    .evaluate().getFirstResult();
            if (rule == null || rule.getEntry("template") == null) {
                break;
            }
            Number days = rule.getEntry("daysPastDue");
            Boolean statement = rule.getEntry("attachStatement");
            steps.add(new CadenceStep(level, days.intValue(), rule.getEntry("template"), rule.getEntry("channel"),
                    Boolean.TRUE.equals(statement)));
        }
        return steps;
    }

    /**
     * One notice of the cadence.
     *
     * @param level           1 for the first notice
     * @param daysPastDue     sent when the oldest unpaid invoice is this many days past due
     * @param template        the template under {@code email-templates/}
     * @param channel         how it is sent ({@code email})
     * @param attachStatement whether a PDF statement of all open invoices goes with it
     */
    public record CadenceStep(int level, int daysPastDue, String template, String channel, boolean attachStatement) {
    }
}
