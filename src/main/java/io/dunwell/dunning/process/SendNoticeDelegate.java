package io.dunwell.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.DunningNotices;

/**
 * Every "Send …" task: sends the notice the step before queued. The task is asyncBefore with a
 * retry cycle, so an SMTP outage becomes retries and then an incident; the dispatcher never sends
 * a notice twice.
 */
@Component
public class SendNoticeDelegate implements JavaDelegate {

    private final DunningNotices notices;

    SendNoticeDelegate(DunningNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.send((Long) execution.getVariable(DunningCaseVariables.MESSAGE_ID));
    }
}
