package io.dunwell.dunning;

import org.springframework.stereotype.Component;

/**
 * The run's cron under a bean name the timer start event of {@code DunningRunProcess} can read:
 * {@code ${dunningSchedule.cron}}. The engine evaluates it when the model is deployed.
 */
@Component("dunningSchedule")
public class DunningSchedule {

    private final DunningPolicy policy;

    DunningSchedule(DunningPolicy policy) {
        this.policy = policy;
    }

    public String getCron() {
        return policy.runCron();
    }
}
