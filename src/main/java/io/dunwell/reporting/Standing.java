package io.dunwell.reporting;

import java.util.Map;

import io.dunwell.account.CollectionStatus;

/**
 * Accounts by collection status, and how many of them are in collections ({@link InCollections}, as the
 * accounts list counts them); the rest but the written-off ones are in good standing.
 */
public record Standing(Map<String, Long> byStatus, long inCollections) {

    public long goodStanding() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum() - inCollections - writtenOff();
    }

    public long writtenOff() {
        return byStatus.getOrDefault(CollectionStatus.WRITTEN_OFF, 0L);
    }
}
