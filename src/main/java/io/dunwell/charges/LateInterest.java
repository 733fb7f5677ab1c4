package io.dunwell.charges;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Late-payment interest, simple and exact: {@code base × annual rate × days / 365} (ACT/365),
 * rounded once per charge HALF_UP to the currency's minor unit. Interest runs from the day after
 * the due date; a period is a calendar month and is charged once it is over.
 */
final class LateInterest {

    static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One month of interest on one invoice. */
    record Period(YearMonth month, long days) {
    }

    private LateInterest() {
    }

    /** {@code annualRatePercent} e.g. 10.15 for 10.15 %. */
    static BigDecimal amount(BigDecimal base, BigDecimal annualRatePercent, long days, Currency currency) {
        return base.multiply(annualRatePercent).multiply(BigDecimal.valueOf(days))
                .divide(HUNDRED.multiply(DAYS_PER_YEAR), currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /** The months that are over by {@code today}, each with the days of it the invoice was overdue. */
    static List<Period> closedPeriods(LocalDate dueDate, LocalDate today) {
        List<Period> periods = new ArrayList<>();
        LocalDate firstLateDay = dueDate.plusDays(1);
        for (YearMonth month = YearMonth.from(firstLateDay); month.atEndOfMonth().isBefore(today); month = month.plusMonths(1)) {
            LocalDate from = month.atDay(1).isBefore(firstLateDay) ? firstLateDay : month.atDay(1);
            periods.add(new Period(month, ChronoUnit.DAYS.between(from, month.atEndOfMonth()) + 1));
        }
        return periods;
    }
}
