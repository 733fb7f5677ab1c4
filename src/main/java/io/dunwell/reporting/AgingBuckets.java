package io.dunwell.reporting;

import java.util.List;

/**
 * The named day ranges that aging reports sort days past due into. Ranges are inclusive, in order,
 * and must cover every day: the first starts at {@link Integer#MIN_VALUE} (not yet due), the last
 * ends at {@link Integer#MAX_VALUE}. Settings may replace the defaults.
 */
public record AgingBuckets(List<Bucket> buckets) {

    public record Bucket(String name, int fromDays, int toDays) {

        boolean holds(long daysPastDue) {
            return daysPastDue >= fromDays && daysPastDue <= toDays;
        }
    }

    public static final AgingBuckets DEFAULTS = new AgingBuckets(List.of(
            new Bucket("Current", Integer.MIN_VALUE, 0),
            new Bucket("1–30 days", 1, 30),
            new Bucket("31–60 days", 31, 60),
            new Bucket("61–90 days", 61, 90),
            new Bucket("90+ days", 91, Integer.MAX_VALUE)));

    public AgingBuckets {
        buckets = List.copyOf(buckets);
        if (buckets.isEmpty() || buckets.get(0).fromDays() != Integer.MIN_VALUE
                || buckets.get(buckets.size() - 1).toDays() != Integer.MAX_VALUE) {
            throw new IllegalArgumentException("aging buckets must cover every day, from not yet due to the oldest");
        }
        for (int i = 1; i < buckets.size(); i++) {
            if (buckets.get(i).fromDays() != buckets.get(i - 1).toDays() + 1) {
                throw new IllegalArgumentException("aging bucket '" + buckets.get(i).name() + "' must start the day after '"
                        + buckets.get(i - 1).name() + "' ends");
            }
        }
    }

    /** The index of the bucket that holds an amount this many days past due (zero or less: not yet due). */
    public int indexOf(long daysPastDue) {
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).holds(daysPastDue)) {
                return i;
            }
        }
        throw new IllegalStateException("no bucket holds " + daysPastDue + " days");
    }

    public List<String> names() {
        return buckets.stream().map(Bucket::name).toList();
    }

    public int size() {
        return buckets.size();
    }
}
