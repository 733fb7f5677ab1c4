package io.dunwell.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Where a demo account stands on the day it is created. Most customers pay; the further past
 * due, the fewer accounts, as in a real receivables ledger.
 */
enum AgeBand {

    PAID_UP(0, 0, 0.18),
    CURRENT(0, 0, 0.40),
    DAYS_1_TO_7(1, 7, 0.12),
    DAYS_8_TO_20(8, 20, 0.10),
    DAYS_21_TO_30(21, 30, 0.07),
    DAYS_31_TO_60(31, 60, 0.06),
    DAYS_61_TO_90(61, 90, 0.04),
    OVER_90_DAYS(91, 200, 0.03);

    final int minDaysPastDue;
    final int maxDaysPastDue;
    private final double share;

    AgeBand(int minDaysPastDue, int maxDaysPastDue, double share) {
        this.minDaysPastDue = minDaysPastDue;
        this.maxDaysPastDue = maxDaysPastDue;
        this.share = share;
    }

    boolean overdue() {
        return minDaysPastDue > 0;
    }

    /**
     * One bucket per account, in the shares above and in random order. Every past-due bucket
     * gets at least one account, so even a small demo shows the whole spread.
     */
    static List<AgeBand> spread(int accounts, Random random) {
        List<AgeBand> buckets = new ArrayList<>(accounts);
        for (AgeBand bucket : values()) {
            if (bucket != CURRENT) {
                int count = (int) Math.floor(bucket.share * accounts);
                buckets.addAll(Collections.nCopies(bucket.overdue() ? Math.max(1, count) : count, bucket));
            }
        }
        if (buckets.size() > accounts) {
            throw new IllegalArgumentException("a demo needs at least " + buckets.size() + " accounts to show every bucket");
        }
        buckets.addAll(Collections.nCopies(accounts - buckets.size(), CURRENT));
        Collections.shuffle(buckets, random);
        return buckets;
    }
}
