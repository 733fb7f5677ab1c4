package io.dunwell.dunning;

import org.springframework.stereotype.Component;

import io.dunwell.settings.ConsoleSettings;

/**
 * The run's cron under a bean name the timer start event of {@code DunningRunProcess} can read:
 * {@code ${dunningSchedule.cron}}: the schedule a supervisor set on the settings page, else
 * {@code dunwell.dunning.run-cron}. The engine evaluates it when the model is deployed and, with
 * {@code reevaluate-time-cycle-when-due}, each time the timer fires; {@link RunRescheduler} moves
 * the timer that is already waiting when the schedule changes.
 */
@Component("dunningSchedule")
public class DunningSchedule {

    private final DunningPolicy policy;
    private final ConsoleSettings settings;

    DunningSchedule(DunningPolicy policy, ConsoleSettings settings) {
        this.policy = policy;
        this.settings = settings;
    }

    public String getCron() {
        return settings.runCron().orElse(policy.runCron());
    }
}
