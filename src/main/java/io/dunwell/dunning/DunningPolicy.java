package io.dunwell.dunning;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an account is delinquent and how often the dunning run looks.
 *
 * @param minDaysPastDue       an account is delinquent when its oldest unpaid invoice is more than this many days past due
 * @param threshold            the overdue balance must be above this, in the account's own currency
 * @param runCron              when the daily run starts: 6-field Spring cron with day names (Camunda 7.24 timer cycle)
 * @param minimumNoticeSpacing the least time between two notices to one account
 */
@ConfigurationProperties(prefix = "dunwell.dunning")
public record DunningPolicy(@DefaultValue("1") int minDaysPastDue,
                            @DefaultValue("0.00") BigDecimal threshold,
                            @DefaultValue("0 0 6 * * MON-FRI") String runCron,
                            @DefaultValue("P5D") Duration minimumNoticeSpacing) {

    public DunningPolicy {
        if (minDaysPastDue < 0) {
            throw new IllegalArgumentException("dunwell.dunning.min-days-past-due must not be negative");
        }
        if (threshold.signum() < 0) {
            throw new IllegalArgumentException("dunwell.dunning.threshold must not be negative");
        }
        if (minimumNoticeSpacing.isNegative()) {
            throw new IllegalArgumentException("dunwell.dunning.minimum-notice-spacing must not be negative");
        }
    }
}
