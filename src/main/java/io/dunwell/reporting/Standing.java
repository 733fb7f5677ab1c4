package io.dunwell.reporting;

import java.util.Map;

import io.dunwell.account.CollectionStatus;

/** Accounts by collection status. "In collections" is every status but good standing and written off. */
public record Standing(Map<String, Long> byStatus) {

    public long goodStanding() {
        return byStatus.getOrDefault(CollectionStatus.GOOD_STANDING, 0L);
    }

    public long writtenOff() {
        return byStatus.getOrDefault(CollectionStatus.WRITTEN_OFF, 0L);
    }

    public long inCollections() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum() - goodStanding() - writtenOff();
    }
}
