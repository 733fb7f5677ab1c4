package io.dunwell.reporting;

import java.util.List;

import io.dunwell.settings.AgingBuckets;

/**
 * The dashboard's key metrics for a period and the period before. Money figures come per currency,
 * the main currency (that of most accounts) first; the counts and day figures span all currencies.
 */
public record KeyMetricsReport(Period period, AgingBuckets buckets, List<CurrencyMetrics> currencies,
                               Trend averageDaysPastDue, Trend fallingBehind, Trend promiseKeptRate,
                               long promisesKept, long promisesBroken) {
}
