package io.dunwell.charges.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.charges.LateCharges;

/**
 * Task_BookLateCharges: one run over every account due a charge. Accounts are charged in
 * transactions of their own, so a retry after a crash redoes only what was not booked.
 */
@Component
public class BookLateChargesDelegate implements JavaDelegate {

    private final LateCharges charges;

    BookLateChargesDelegate(LateCharges charges) {
        this.charges = charges;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(LatePaymentChargesVariables.CHARGES_BOOKED, charges.run().charges());
    }
}
