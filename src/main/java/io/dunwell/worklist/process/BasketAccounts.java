package io.dunwell.worklist.process;

import java.util.List;

import org.springframework.stereotype.Component;

import io.dunwell.worklist.Baskets;

/**
 * Task_WorkAccount's collection, {@code ${basketAccounts.of(basketId)}}: the basket's account ids,
 * read from the basket when the session reaches the task. A list variable would need Java
 * serialization, which the engine rightly refuses; the process keeps only the basket's id.
 */
@Component
public class BasketAccounts {

    private final Baskets baskets;

    BasketAccounts(Baskets baskets) {
        this.baskets = baskets;
    }

    public List<Long> of(Long basketId) {
        return baskets.accountIdsOf(basketId);
    }
}
