package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.ATTACH_STATEMENT;
import static io.dunwell.dunning.process.DunningCaseVariables.LAST_NOTICE_AT;
import static io.dunwell.dunning.process.DunningCaseVariables.NEXT_CHECK_AT;
import static io.dunwell.dunning.process.DunningCaseVariables.NEXT_STEP;
import static io.dunwell.dunning.process.DunningCaseVariables.NOTICE_LEVEL;
import static io.dunwell.dunning.process.DunningCaseVariables.NOTICE_TEMPLATE;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.NoticePlanner;
import io.dunwell.dunning.NoticePlanner.NextStep;

/**
 * Task_PlanNextNotice: re-reads the account and sets {@code nextStep} for the gateway, with the
 * notice to queue or the time to look again. {@code noticeLevel} stays the level of the last notice
 * queued until a new one is due.
 */
@Component
public class PlanNextNoticeDelegate implements JavaDelegate {

    private final NoticePlanner planner;

    PlanNextNoticeDelegate(NoticePlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer lastLevel = (Integer) execution.getVariable(NOTICE_LEVEL);
        Date lastNoticeAt = (Date) execution.getVariable(LAST_NOTICE_AT);
        NextStep next = planner.plan((Long) execution.getVariable(ACCOUNT_ID), lastLevel == null ? 0 : lastLevel,
                lastNoticeAt == null ? null : lastNoticeAt.toInstant());
        execution.setVariable(NEXT_STEP, next.kind());
        if (next.notice() != null) {
            execution.setVariable(NOTICE_LEVEL, next.notice().level());
            execution.setVariable(NOTICE_TEMPLATE, next.notice().template());
            execution.setVariable(ATTACH_STATEMENT, next.notice().attachStatement());
        }
        if (next.checkAt() != null) {
            execution.setVariable(NEXT_CHECK_AT, Date.from(next.checkAt()));
        }
    }
}
