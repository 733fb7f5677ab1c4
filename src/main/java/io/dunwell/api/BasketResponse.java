package io.dunwell.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dunwell.worklist.Basket;
import io.dunwell.worklist.BasketEntry;

/** A basket with its accounts by the billing system's ids and, once worked, each one's outcome. */
record BasketResponse(Long id, String name, String owner, Instant createdAt, String status, String sessionProcessInstanceId,
                      String abandonedBy, Instant abandonedAt, List<Entry> accounts) {

    record Entry(String accountId, String outcome, String outcomeReason, String note, String workedBy, Instant workedAt) {
    }

    static BasketResponse of(Basket basket, Map<Long, String> externalIds) {
        return new BasketResponse(basket.getId(), basket.getName(), basket.getOwner(), basket.getCreatedAt(),
                basket.getStatus().name(), basket.getSessionProcessInstanceId(), basket.getAbandonedBy(), basket.getAbandonedAt(),
                basket.getEntries().stream().map(entry -> entry(entry, externalIds)).toList());
    }

    private static Entry entry(BasketEntry entry, Map<Long, String> externalIds) {
        return new Entry(externalIds.get(entry.getAccountId()), entry.getOutcome() == null ? null : entry.getOutcome().name(),
                entry.getOutcomeReason(), entry.getNote(), entry.getWorkedBy(), entry.getWorkedAt());
    }
}
