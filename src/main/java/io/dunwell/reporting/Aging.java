package io.dunwell.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.dunwell.settings.AgingBuckets;

/** Sorts amounts by their due date into aging buckets, as of a day: the classic receivables aging. */
public final class Aging {

    private Aging() {
    }

    /** The total per bucket, in the buckets' order, of amounts keyed by due date. */
    public static List<BigDecimal> totals(AgingBuckets buckets, LocalDate asOf, Map<LocalDate, BigDecimal> amountByDueDate) {
        List<BigDecimal> totals = new ArrayList<>(Collections.nCopies(buckets.size(), BigDecimal.ZERO));
        amountByDueDate.forEach((due, amount) -> {
            int bucket = buckets.indexOf(daysPastDue(due, asOf));
            totals.set(bucket, totals.get(bucket).add(amount));
        });
        return totals;
    }

    /** Days past due on {@code asOf}; zero on the due date, negative before it. */
    public static long daysPastDue(LocalDate dueDate, LocalDate asOf) {
        return ChronoUnit.DAYS.between(dueDate, asOf);
    }
}
