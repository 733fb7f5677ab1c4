package io.dunwell.charges;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Late-payment interest, simple and exact to the day: each day the invoice is late bears
 * {@code balance at the end of the day × annual rate / 365} (ACT/365); a period sums its days
 * (balance × days, the textbook's "interest numbers") and is rounded once, HALF_UP, to the
 * currency's minor unit. Interest runs from the day after the due date. A period is a calendar
 * month, charged once it is over or once a payment cleared the invoice within it, whichever comes
 * first; either way its key is the month, so its days can be charged only once.
 */
final class LateInterest {

    private static final BigDecimal PERCENT_DAYS_PER_YEAR = BigDecimal.valueOf(100 * 365);

    /** The days of one month an invoice was late: from the 1st or the day after the due date, to the month's end or the day before it was paid. */
    record Period(YearMonth month, LocalDate from, LocalDate to) {

        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** Days in a row on one balance. */
    record Stretch(LocalDate from, LocalDate to, BigDecimal balance) {

        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }

        BigDecimal balanceDays() {
            return balance.multiply(BigDecimal.valueOf(days()));
        }
    }

    /** The days of a period that bore interest, as stretches of one balance; days with nothing owed are left out. */
    record Accrual(List<Stretch> stretches) {

        long days() {
            return stretches.stream().mapToLong(Stretch::days).sum();
        }

        BigDecimal balanceDays() {
            return stretches.stream().map(Stretch::balanceDays).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The one balance of all days, if it did not change within the period. */
        Optional<BigDecimal> oneBalance() {
            return stretches.stream().map(Stretch::balance).distinct().count() == 1
                    ? Optional.of(stretches.get(0).balance()) : Optional.empty();
        }

        /** For the auditor: {@code 2026-03-01..2026-03-09 9 × 1000.00; 2026-03-10..2026-03-31 22 × 600.00}. */
        String breakdown() {
            return stretches.stream().map(stretch -> stretch.from() + ".." + stretch.to() + " " + stretch.days() + " × "
                    + stretch.balance().toPlainString()).collect(Collectors.joining("; "));
        }
    }

    private LateInterest() {
    }

    /** {@code annualRatePercent} e.g. 10.15 for 10.15 %; {@code balanceDays} the sum of balance × days. */
    static BigDecimal amount(BigDecimal balanceDays, BigDecimal annualRatePercent, Currency currency) {
        return balanceDays.multiply(annualRatePercent)
                .divide(PERCENT_DAYS_PER_YEAR, currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /**
     * The months that can be charged by {@code today}: those that are over, and, once a payment
     * cleared the invoice on {@code paidInFullOn}, the month of that day up to the day before.
     * Nothing after that day; nothing at all when it was paid by the due date or on the day after.
     */
    static List<Period> chargeablePeriods(LocalDate dueDate, LocalDate today, Optional<LocalDate> paidInFullOn) {
        LocalDate paidOn = paidInFullOn.filter(day -> !day.isAfter(today)).orElse(null);
        LocalDate firstLateDay = dueDate.plusDays(1);
        List<Period> periods = new ArrayList<>();
        for (YearMonth month = YearMonth.from(firstLateDay); ; month = month.plusMonths(1)) {
            LocalDate from = month.atDay(1).isBefore(firstLateDay) ? firstLateDay : month.atDay(1);
            LocalDate end = month.atEndOfMonth();
            if (paidOn == null ? !end.isBefore(today) : !paidOn.isAfter(from)) {
                return periods;
            }
            periods.add(new Period(month, from, paidOn != null && !paidOn.isAfter(end) ? paidOn.minusDays(1) : end));
        }
    }

    static Accrual accrue(Period period, BalanceHistory balances) {
        List<Stretch> stretches = new ArrayList<>();
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            BigDecimal balance = balances.endOf(day);
            Stretch last = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
            if (balance.signum() <= 0) {
                continue;
            }
            if (last != null && last.to().plusDays(1).equals(day) && last.balance().compareTo(balance) == 0) {
                stretches.set(stretches.size() - 1, new Stretch(last.from(), day, last.balance()));
            } else {
                stretches.add(new Stretch(day, day, balance));
            }
        }
        return new Accrual(List.copyOf(stretches));
    }
}
