package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.ATTACH_STATEMENT;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.LAST_NOTICE_AT;
import static io.dunwell.dunning.process.DunningCaseVariables.MESSAGE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.NOTICE_LEVEL;
import static io.dunwell.dunning.process.DunningCaseVariables.NOTICE_TEMPLATE;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.DunningNotices;

/** Task_QueueDunningNotice: writes the planned notice to the outbox in this step's transaction. */
@Component
public class QueueDunningNoticeDelegate implements JavaDelegate {

    private final DunningNotices notices;
    private final Clock clock;

    QueueDunningNoticeDelegate(DunningNotices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long messageId = notices.queue((Long) execution.getVariable(CASE_ID), (Long) execution.getVariable(ACCOUNT_ID),
                (Integer) execution.getVariable(NOTICE_LEVEL), (String) execution.getVariable(NOTICE_TEMPLATE),
                Boolean.TRUE.equals(execution.getVariable(ATTACH_STATEMENT)));
        execution.setVariable(MESSAGE_ID, messageId);
        execution.setVariable(LAST_NOTICE_AT, Date.from(clock.instant()));
    }
}
