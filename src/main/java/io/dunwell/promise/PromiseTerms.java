package io.dunwell.promise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.MoneyInput;

/**
 * What the agent agreed with the customer, checked as a whole: every problem is reported at once,
 * under the call-customer form's field names, before anything is written.
 */
record PromiseTerms(LocalDate firstDueDate, BigDecimal total, Currency currency, int installments, Period interval) {

    static final int NOTE_LENGTH = 2000;

    static PromiseTerms check(LocalDate firstDueDate, BigDecimal total, Currency currency, int installments, Period interval,
                              String note, LocalDate today, int maxInstallments) {
        List<FieldError> errors = new ArrayList<>();
        if (firstDueDate == null) {
            errors.add(new FieldError("promiseDate", "is required"));
        } else if (firstDueDate.isBefore(today)) {
            errors.add(new FieldError("promiseDate", "must not be before today (" + today + " for the customer)"));
        }
        BigDecimal scaled = MoneyInput.positive("promiseAmount", total, currency, errors);
        if (installments < 1 || installments > maxInstallments) {
            errors.add(new FieldError("installmentCount", "must be from 1 to " + maxInstallments));
        } else if (scaled != null && scaled.movePointRight(currency.getDefaultFractionDigits()).compareTo(BigDecimal.valueOf(installments)) < 0) {
            errors.add(new FieldError("installmentCount", "would leave installments of nothing: " + scaled.toPlainString() + " "
                    + currency.getCurrencyCode() + " cannot be split " + installments + " ways"));
        }
        if (installments > 1 && (interval == null || interval.isZero() || interval.isNegative())) {
            errors.add(new FieldError("installmentInterval", "must be a positive period (e.g. P1M) when there is more than one installment"));
        }
        if (note != null && note.length() > NOTE_LENGTH) {
            errors.add(new FieldError("note", "must be at most " + NOTE_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return new PromiseTerms(firstDueDate, scaled, currency, installments, interval);
    }

    /** Counted from the first date, so monthly installments from 31 January fall on the last day of each month. */
    LocalDate dueDate(int number) {
        return number == 1 ? firstDueDate : firstDueDate.plus(interval.multipliedBy(number - 1));
    }

    /** Equal installments at the currency's scale; what does not divide evenly goes on the last one. */
    List<BigDecimal> amounts() {
        BigDecimal each = total.divide(BigDecimal.valueOf(installments), currency.getDefaultFractionDigits(), RoundingMode.DOWN);
        List<BigDecimal> amounts = new ArrayList<>(installments);
        for (int number = 1; number < installments; number++) {
            amounts.add(each);
        }
        amounts.add(total.subtract(each.multiply(BigDecimal.valueOf(installments - 1))));
        return amounts;
    }
}
