package io.dunwell.charges;

import org.springframework.stereotype.Component;

/** The run's cron under a bean name the timer start event of {@code LatePaymentChargesProcess} reads: {@code ${lateChargeSchedule.cron}}. */
@Component("lateChargeSchedule")
public class LateChargeSchedule {

    private final LateChargePolicy policy;

    LateChargeSchedule(LateChargePolicy policy) {
        this.policy = policy;
    }

    public String getCron() {
        return policy.runCron();
    }
}
