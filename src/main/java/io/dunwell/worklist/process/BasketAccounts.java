package io.dunwell.worklist.process;

import java.util.List;

import org.springframework.stereotype.Component;

import io.dunwell.worklist.Baskets;

/**
 * Task_WorkAccount's collection, {@code ${basketAccounts.of(basketId, firstAccountIndex)}}: the
 * basket's account ids from the first one this session works, read from the basket whenever the
 * task needs it. A list variable would need Java serialization, which the engine rightly refuses;
 * the process keeps only the basket's id and the index.
 */
@Component
public class BasketAccounts {

    private final Baskets baskets;

    BasketAccounts(Baskets baskets) {
        this.baskets = baskets;
    }

    public List<Long> of(Long basketId, Integer firstAccountIndex) {
        List<Long> all = baskets.accountIdsOf(basketId);
        return all.subList(Math.min(firstAccountIndex, all.size()), all.size());
    }

    /** For sessions started on the model before abandoning existed: they work the whole basket. */
    public List<Long> of(Long basketId) {
        return baskets.accountIdsOf(basketId);
    }
}
