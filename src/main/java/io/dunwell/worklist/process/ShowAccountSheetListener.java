package io.dunwell.worklist.process;

import static io.dunwell.worklist.process.CollectionSessionVariables.ACCOUNT_ID;
import static io.dunwell.worklist.process.CollectionSessionVariables.AMOUNT_OWED;
import static io.dunwell.worklist.process.CollectionSessionVariables.BASKET_ID;
import static io.dunwell.worklist.process.CollectionSessionVariables.CONTACT;
import static io.dunwell.worklist.process.CollectionSessionVariables.CUSTOMER_NAME;
import static io.dunwell.worklist.process.CollectionSessionVariables.CUSTOMER_NUMBER;
import static io.dunwell.worklist.process.CollectionSessionVariables.NOTE;
import static io.dunwell.worklist.process.CollectionSessionVariables.OUTCOME;
import static io.dunwell.worklist.process.CollectionSessionVariables.OUTCOME_REASON;
import static io.dunwell.worklist.process.CollectionSessionVariables.POSITION;
import static io.dunwell.worklist.process.CollectionSessionVariables.RECENT_TIMELINE;
import static io.dunwell.worklist.process.CollectionSessionVariables.SESSION_LINK;
import static io.dunwell.worklist.process.CollectionSessionVariables.UNPAID_INVOICES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.dunwell.worklist.AccountSheet;
import io.dunwell.worklist.AccountSheets;

/**
 * Task_WorkAccount's create listener: the account sheet's display strings, right before the agent's
 * turn, local to this account's turn. The answer fields start empty there too, so the form never
 * shows the previous account's outcome, and what the agent submits ends with the turn.
 */
@Component
public class ShowAccountSheetListener implements TaskListener {

    private final AccountSheets sheets;

    ShowAccountSheetListener(AccountSheets sheets) {
        this.sheets = sheets;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution turn = task.getExecution();
        AccountSheet sheet = sheets.prepare((Long) turn.getVariable(BASKET_ID), (Long) turn.getVariable(ACCOUNT_ID),
                turn.getProcessInstanceId());
        // Tasklist's list names the account; the model's name cannot, the sheet did not exist yet
        task.setName("Work " + sheet.customerName() + " (" + sheet.position() + ")");
        turn.setVariableLocal(CUSTOMER_NAME, sheet.customerName());
        turn.setVariableLocal(CUSTOMER_NUMBER, sheet.customerNumber());
        turn.setVariableLocal(CONTACT, sheet.contact());
        turn.setVariableLocal(AMOUNT_OWED, sheet.amountOwed());
        turn.setVariableLocal(UNPAID_INVOICES, sheet.unpaidInvoices());
        turn.setVariableLocal(RECENT_TIMELINE, sheet.recentTimeline());
        turn.setVariableLocal(POSITION, sheet.position());
        turn.setVariableLocal(SESSION_LINK, sheet.sessionLink());
        turn.setVariableLocal(OUTCOME, null);
        turn.setVariableLocal(OUTCOME_REASON, null);
        turn.setVariableLocal(NOTE, null);
    }
}
