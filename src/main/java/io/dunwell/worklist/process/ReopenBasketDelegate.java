package io.dunwell.worklist.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.worklist.Baskets;

/** Task_ReopenBasket: the session was abandoned, the basket is pending again. */
@Component
public class ReopenBasketDelegate implements JavaDelegate {

    private final Baskets baskets;

    ReopenBasketDelegate(Baskets baskets) {
        this.baskets = baskets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        baskets.reopen((Long) execution.getVariable(CollectionSessionVariables.BASKET_ID),
                (String) execution.getVariable(CollectionSessionVariables.ABANDONED_BY));
    }
}
