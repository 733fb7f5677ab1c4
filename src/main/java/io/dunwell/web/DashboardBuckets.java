package io.dunwell.web;

import org.springframework.stereotype.Component;

import io.dunwell.reporting.AgingBuckets;
import io.dunwell.settings.ConsoleSettings;

/** The aging buckets a supervisor set in /settings, in the form the reporting queries take. */
@Component
class DashboardBuckets {

    private final ConsoleSettings settings;

    DashboardBuckets(ConsoleSettings settings) {
        this.settings = settings;
    }

    AgingBuckets current() {
        return new AgingBuckets(settings.agingBuckets().stream()
                // the first bucket also holds what is not yet due; the last one is open-ended
                .map(bucket -> new AgingBuckets.Bucket(bucket.name(), bucket.fromDays() == 0 ? Integer.MIN_VALUE : bucket.fromDays(),
                        bucket.toDays() == null ? Integer.MAX_VALUE : bucket.toDays()))
                .toList());
    }
}
