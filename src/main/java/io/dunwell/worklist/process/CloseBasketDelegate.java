package io.dunwell.worklist.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.worklist.Baskets;

/** Task_CloseBasket: the session is over, the basket is done. */
@Component
public class CloseBasketDelegate implements JavaDelegate {

    private final Baskets baskets;

    CloseBasketDelegate(Baskets baskets) {
        this.baskets = baskets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        baskets.close((Long) execution.getVariable(CollectionSessionVariables.BASKET_ID));
    }
}
