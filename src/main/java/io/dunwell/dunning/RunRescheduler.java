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

import io.dunwell.settings.RunScheduleChanged;

/**
 * Moves the waiting timer of {@code DunningRunProcess} to the new schedule's next time. It runs in
 * the transaction that stored the schedule, so both hold or neither. The engine reads a cron in the
 * JVM's zone, so the next time is taken there.
 */
@Component
class RunRescheduler {

    static final String PROCESS = "DunningRunProcess";

    private final ManagementService management;
    private final Clock clock;

    RunRescheduler(ManagementService management, Clock clock) {
        this.management = management;
        this.clock = clock;
    }

    @EventListener
    void reschedule(RunScheduleChanged changed) {
        ZonedDateTime next = CronExpression.parse(changed.cron()).next(ZonedDateTime.now(clock.withZone(ZoneId.systemDefault())));
        for (Job timer : management.createJobQuery().processDefinitionKey(PROCESS).timers().list()) {
            management.setJobDuedate(timer.getId(), Date.from(next.toInstant()));
        }
    }
}
