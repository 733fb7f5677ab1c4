package io.dunwell.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.test.util.ReflectionTestUtils;

import io.dunwell.worklist.Basket;
import io.dunwell.worklist.BasketEntry;
import io.dunwell.worklist.BasketStatus;
import io.dunwell.worklist.SessionOutcome;

/** Baskets as the mocked worklist services hand them out; only the worklist module builds them otherwise. */
final class BasketFixtures {

    private BasketFixtures() {
    }

    /** A pending basket of {@code owner} holding the accounts, none worked yet. */
    static Basket pending(Long id, String name, String owner, Long... accountIds) {
        Basket basket = BeanUtils.instantiateClass(Basket.class);
        ReflectionTestUtils.setField(basket, "id", id);
        ReflectionTestUtils.setField(basket, "name", name);
        ReflectionTestUtils.setField(basket, "owner", owner);
        ReflectionTestUtils.setField(basket, "createdAt", Instant.parse("2026-03-01T09:00:00Z"));
        ReflectionTestUtils.setField(basket, "status", BasketStatus.PENDING);
        List<BasketEntry> entries = new ArrayList<>();
        for (Long accountId : accountIds) {
            BasketEntry entry = BeanUtils.instantiateClass(BasketEntry.class);
            ReflectionTestUtils.setField(entry, "accountId", accountId);
            entries.add(entry);
        }
        ReflectionTestUtils.setField(basket, "entries", entries);
        return basket;
    }

    /** The basket in the session {@code processInstanceId}, worked by its owner. */
    static Basket inSession(Basket basket, String processInstanceId) {
        ReflectionTestUtils.setField(basket, "status", BasketStatus.IN_SESSION);
        ReflectionTestUtils.setField(basket, "sessionProcessInstanceId", processInstanceId);
        ReflectionTestUtils.setField(basket, "sessionAgent", basket.getOwner());
        return basket;
    }

    /** Records how the basket's {@code index}th account was left. */
    static Basket worked(Basket basket, int index, SessionOutcome outcome, String reason, String note) {
        @SuppressWarnings("unchecked")
        BasketEntry entry = ((List<BasketEntry>) ReflectionTestUtils.getField(basket, "entries")).get(index);
        ReflectionTestUtils.setField(entry, "outcome", outcome);
        ReflectionTestUtils.setField(entry, "outcomeReason", reason);
        ReflectionTestUtils.setField(entry, "note", note);
        ReflectionTestUtils.setField(entry, "workedBy", basket.getOwner());
        ReflectionTestUtils.setField(entry, "workedAt", Instant.parse("2026-03-02T10:00:00Z"));
        return basket;
    }
}
