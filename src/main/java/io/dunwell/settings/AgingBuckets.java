package io.dunwell.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rule for a set of aging buckets: every age falls in exactly one, and they read left to right. */
final class AgingBuckets {

    static final List<AgingBucket> DEFAULT = List.of(
            new AgingBucket("Current", 0, 0),
            new AgingBucket("1–30", 1, 30),
            new AgingBucket("31–60", 31, 60),
            new AgingBucket("61–90", 61, 90),
            new AgingBucket("90+", 91, null));

    private AgingBuckets() {
    }

    /** Contiguous from 0, non-overlapping, ascending, the last one open-ended, names given and unique. */
    static void validate(List<AgingBucket> buckets) {
        if (buckets.isEmpty()) {
            throw new SettingRejected("Give at least one bucket.");
        }
        Set<String> names = new HashSet<>();
        Integer previousTo = -1;
        for (int i = 0; i < buckets.size(); i++) {
            AgingBucket bucket = buckets.get(i);
            String label = "Bucket " + (i + 1);
            if (bucket.name() == null || bucket.name().isBlank() || bucket.name().length() > 40) {
                throw new SettingRejected(label + " needs a name of at most 40 characters.");
            }
            if (!names.add(bucket.name().strip().toLowerCase())) {
                throw new SettingRejected(label + ": the name \"" + bucket.name() + "\" is used twice.");
            }
            if (previousTo == null) {
                throw new SettingRejected("Only the last bucket may be open-ended.");
            }
            if (bucket.fromDays() <= previousTo) {
                throw new SettingRejected(label + " overlaps the one before: it starts at day " + bucket.fromDays()
                        + ", the one before ends at day " + previousTo + ".");
            }
            if (bucket.fromDays() > previousTo + 1) {
                throw new SettingRejected(label + " leaves a gap: it starts at day " + bucket.fromDays()
                        + ", it must start at day " + (previousTo + 1) + ".");
            }
            if (bucket.toDays() != null && bucket.toDays() < bucket.fromDays()) {
                throw new SettingRejected(label + " ends before it starts.");
            }
            previousTo = bucket.toDays();
        }
        if (previousTo != null) {
            throw new SettingRejected("The last bucket must be open-ended (leave its \"to\" empty), so every age has a bucket.");
        }
    }
}
