package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.AGENT;
import static io.dunwell.dunning.process.DunningCaseVariables.AMOUNT_OWED;
import static io.dunwell.dunning.process.DunningCaseVariables.BROKEN_PROMISES;
import static io.dunwell.dunning.process.DunningCaseVariables.CALL_ATTEMPTS;
import static io.dunwell.dunning.process.DunningCaseVariables.CONSOLE_LINK;
import static io.dunwell.dunning.process.DunningCaseVariables.CUSTOMER_NAME;
import static io.dunwell.dunning.process.DunningCaseVariables.CUSTOMER_NUMBER;
import static io.dunwell.dunning.process.DunningCaseVariables.DAYS_PAST_DUE;
import static io.dunwell.dunning.process.DunningCaseVariables.MAX_CALL_ATTEMPTS;
import static io.dunwell.dunning.process.DunningCaseVariables.NOTICES_SENT;
import static io.dunwell.dunning.process.DunningCaseVariables.OLDEST_DUE_DATE;
import static io.dunwell.dunning.process.DunningCaseVariables.OPEN_INVOICE_COUNT;
import static io.dunwell.dunning.process.DunningCaseVariables.OVERDUE_AMOUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.CallSheet;
import io.dunwell.dunning.CallSheets;

/**
 * Task_PrepareCall and Task_PrepareFollowUp: sets the call form's display strings right before the
 * call, and the counters the gateways after it read, keeping counts from earlier calls.
 */
@Component
public class PrepareCallDelegate implements JavaDelegate {

    private final CallSheets callSheets;

    PrepareCallDelegate(CallSheets callSheets) {
        this.callSheets = callSheets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CallSheet sheet = callSheets.prepare((Long) execution.getVariable(ACCOUNT_ID));
        execution.setVariable(CUSTOMER_NAME, sheet.customerName());
        execution.setVariable(CUSTOMER_NUMBER, sheet.customerNumber());
        execution.setVariable(AMOUNT_OWED, sheet.amountOwed());
        execution.setVariable(OVERDUE_AMOUNT, sheet.overdueAmount());
        execution.setVariable(OLDEST_DUE_DATE, sheet.oldestDueDate());
        execution.setVariable(DAYS_PAST_DUE, sheet.daysPastDue());
        execution.setVariable(OPEN_INVOICE_COUNT, sheet.openInvoiceCount());
        execution.setVariable(NOTICES_SENT, sheet.noticesSent());
        execution.setVariable(CONSOLE_LINK, sheet.consoleLink());
        execution.setVariable(AGENT, sheet.agent());
        execution.setVariable(MAX_CALL_ATTEMPTS, sheet.maxCallAttempts());
        execution.setVariable(BROKEN_PROMISES, count(execution, BROKEN_PROMISES));
        execution.setVariable(CALL_ATTEMPTS, count(execution, CALL_ATTEMPTS));
    }

    static int count(DelegateExecution execution, String variable) {
        Number value = (Number) execution.getVariable(variable);
        return value == null ? 0 : value.intValue();
    }
}
