package io.dunwell.dunning;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.RunScheduleChanged;

/**
 * The run's cron under a bean name the timer start event of {@code DunningRunProcess} can read:
 * {@code ${dunningSchedule.cron}}: the schedule a supervisor set on the settings page, else
 * {@code dunwell.dunning.run-cron}. The engine evaluates it when the model is deployed and, with
 * {@code reevaluate-time-cycle-when-due}, each time the timer fires; a changed schedule also moves
 * the timer that is already waiting, so the next run keeps the new time.
 */
@Component("dunningSchedule")
public class DunningSchedule {

    static final String PROCESS = "DunningRunProcess";

    private final DunningPolicy policy;
    private final ConsoleSettings settings;
    private final ManagementService management;
    private final Clock clock;

    DunningSchedule(DunningPolicy policy, ConsoleSettings settings, ManagementService management, Clock clock) {
        this.policy = policy;
        this.settings = settings;
        this.management = management;
        this.clock = clock;
    }

    public String getCron() {
        return settings.runCron().orElse(policy.runCron());
    }

    /** In the transaction that stored the schedule: both hold or neither. The engine reads cron in the JVM's zone. */
    @EventListener
    void reschedule(RunScheduleChanged changed) {
        ZonedDateTime next = CronExpression.parse(changed.cron()).next(ZonedDateTime.now(clock.withZone(ZoneId.systemDefault())));
        for (Job timer : management.createJobQuery().processDefinitionKey(PROCESS).timers().list()) {
            management.setJobDuedate(timer.getId(), Date.from(next.toInstant()));
        }
    }
}
