package io.dunwell.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The aging buckets that every aging in Dunwell sorts days past due into (the dashboard, the
 * accounts and worklist filters, the agents' loads, the key-metrics report): set in /settings, these
 * by default. Every age falls in exactly one bucket; what is not yet due is in the first.
 */
public record AgingBuckets(List<AgingBucket> list) {

    public static final AgingBuckets DEFAULT = new AgingBuckets(List.of(
            new AgingBucket("Current", 0, 0),
            new AgingBucket("1–30", 1, 30),
            new AgingBucket("31–60", 31, 60),
            new AgingBucket("61–90", 61, 90),
            new AgingBucket("90+", 91, null)));

    public AgingBuckets {
        list = List.copyOf(list);
        validate(list);
    }

    /** The index of the bucket that holds this many days past due (zero or less: not yet due, the first). */
    public int indexOf(long daysPastDue) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).contains(daysPastDue)) {
                return i;
            }
        }
        throw new IllegalStateException("no bucket holds " + daysPastDue + " days");
    }

    /**
     * The bucket a filter names (as the dashboard and the accounts page call it); none for no name. A
     * name these buckets do not have (renamed since a link was made) is refused, naming the buckets there are.
     */
    public Optional<AgingBucket> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(list.stream().filter(bucket -> bucket.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> new SettingRejected("There is no aging bucket \"" + name.strip() + "\"; the buckets are "
                        + String.join(", ", names()) + ".")));
    }

    public List<String> names() {
        return list.stream().map(AgingBucket::name).toList();
    }

    public int size() {
        return list.size();
    }

    /** Contiguous from 0, non-overlapping, ascending, the last one open-ended, names given and unique. */
    private static void validate(List<AgingBucket> buckets) {
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
