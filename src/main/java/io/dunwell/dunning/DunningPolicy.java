package io.dunwell.dunning;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an account is delinquent, how often the dunning run looks and how a case paces itself.
 * The cadence itself (days, templates) is in {@code bpmn/dunning-cadence.dmn}.
 *
 * @param minDaysPastDue       an account is delinquent when its oldest unpaid invoice is more than this many days past due
 * @param threshold            the overdue balance must be above this, in the account's own currency; a case whose
 *                             overdue balance falls to it or below ends as settled
 * @param runCron              when the daily run starts: 6-field Spring cron with day names (Camunda 7.24 timer cycle)
 * @param minimumNoticeSpacing the least time between two notices to one account
 * @param noticeTime           the local time of day, in the account's time zone, at which a notice that falls due goes out
 * @param partitionSize        how many account ids one job of the run covers
 * @param maxCallAttempts      calls without contact before the account is escalated
 */
@ConfigurationProperties(prefix = "dunwell.dunning")
public record DunningPolicy(@DefaultValue("1") int minDaysPastDue,
                            @DefaultValue("0.00") BigDecimal threshold,
                            @DefaultValue("0 0 6 * * MON-FRI") String runCron,
                            @DefaultValue("P5D") Duration minimumNoticeSpacing,
                            @DefaultValue("09:00") LocalTime noticeTime,
                            @DefaultValue("1000") int partitionSize,
                            @DefaultValue("3") int maxCallAttempts) {

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
        if (partitionSize < 1) {
            throw new IllegalArgumentException("dunwell.dunning.partition-size must be at least 1");
        }
        if (maxCallAttempts < 1) {
            throw new IllegalArgumentException("dunwell.dunning.max-call-attempts must be at least 1");
        }
    }
}
