package io.dunwell.dunning.process;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.CALL_NOTE;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_COUNT;
import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_INTERVAL;
import static io.dunwell.dunning.process.DunningCaseVariables.INSTALLMENT_NUMBER;
import static io.dunwell.dunning.process.DunningCaseVariables.PROMISE_AMOUNT;
import static io.dunwell.dunning.process.DunningCaseVariables.PROMISE_DATE;
import static io.dunwell.dunning.process.DunningCaseVariables.PROMISE_ID;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.dunwell.dunning.CurrentUser;
import io.dunwell.promise.PromiseToPay;
import io.dunwell.promise.Promises;
import io.dunwell.system.BadRequestException;

/**
 * Task_RecordPromise: turns the call form's promise fields into a promise to pay. Bad input fails
 * the form's submission with the reason, so the call task stays open and nothing is recorded.
 */
@Component
public class RecordPromiseDelegate implements JavaDelegate {

    private final Promises promises;
    private final CurrentUser currentUser;

    RecordPromiseDelegate(Promises promises, CurrentUser currentUser) {
        this.promises = promises;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromiseToPay promise = promises.make((Long) execution.getVariable(ACCOUNT_ID), (Long) execution.getVariable(CASE_ID),
                date(execution.getVariable(PROMISE_DATE)), amount(execution.getVariable(PROMISE_AMOUNT)),
                count(execution.getVariable(INSTALLMENT_COUNT)), interval(execution.getVariable(INSTALLMENT_INTERVAL)),
                currentUser.id(), (String) execution.getVariable(CALL_NOTE));
        execution.setVariable(PROMISE_ID, promise.getId());
        execution.setVariable(INSTALLMENT_NUMBER, 1);
        execution.setVariable(INSTALLMENT_COUNT, promises.installmentsOf(promise.getId()).size());
    }

    private static LocalDate date(Object value) {
        try {
            // form-js date fields submit "2026-12-01"
            return value == null ? null : LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            throw new BadRequestException(PROMISE_DATE, "'" + value + "' is not a date like 2026-12-01");
        }
    }

    private static BigDecimal amount(Object value) {
        try {
            return value == null ? null : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(PROMISE_AMOUNT, "'" + value + "' is not an amount like 1234.56");
        }
    }

    private static int count(Object value) {
        return value == null ? 1 : ((Number) value).intValue();
    }

    private static Period interval(Object value) {
        try {
            return value == null ? Period.ofMonths(1) : Period.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(INSTALLMENT_INTERVAL, "'" + value + "' is not a period like P1M");
        }
    }
}
