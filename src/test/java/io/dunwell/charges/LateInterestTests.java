package io.dunwell.charges;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dunwell.charges.LateChargePolicy.ReferenceRate;
import io.dunwell.charges.LateInterest.Period;

/** Worked examples of the interest formula, its periods and the half-year reference rate. */
class LateInterestTests {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void thousandEuroForThirtyDaysAtTenPointOneFivePercentIsEightThirtyFour() {
        // 1,000.00 × 10.15 % × 30 / 365 = 8.3424… → 8.34
        assertThat(LateInterest.amount(new BigDecimal("1000.00"), new BigDecimal("10.15"), 30, EUR)).isEqualByComparingTo("8.34")
                .hasScaleOf(2);
    }

    @Test
    void eachChargeIsRoundedOnceHalfUpToTheCurrencysScale() {
        // 1,000.00 × 10.15 % × 31 / 365 = 8.62054… → 8.62; 2,500.00 × 10.15 % × 9 / 365 = 6.25684… → 6.26
        assertThat(LateInterest.amount(new BigDecimal("1000.00"), new BigDecimal("10.15"), 31, EUR)).isEqualByComparingTo("8.62");
        assertThat(LateInterest.amount(new BigDecimal("2500.00"), new BigDecimal("10.15"), 9, EUR)).isEqualByComparingTo("6.26");
        // 100.00 × 10 % × 73 / 365 = exactly 2.00; 0.05 × 10 % × 1 / 365 rounds to nothing
        assertThat(LateInterest.amount(new BigDecimal("100.00"), BigDecimal.TEN, 73, EUR)).isEqualByComparingTo("2.00");
        assertThat(LateInterest.amount(new BigDecimal("0.05"), BigDecimal.TEN, 1, EUR)).isZero();
        // a currency without minor units: 100,000 JPY × 10.15 % × 30 / 365 = 834.24… → 834
        assertThat(LateInterest.amount(new BigDecimal("100000"), new BigDecimal("10.15"), 30, Currency.getInstance("JPY")))
                .isEqualByComparingTo("834").hasScaleOf(0);
    }

    @Test
    void interestRunsFromTheDayAfterTheDueDateAndOnlyClosedMonthsAreCharged() {
        List<Period> periods = LateInterest.closedPeriods(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 11, 22));

        assertThat(periods).containsExactly(new Period(YearMonth.of(2026, 8), 11), new Period(YearMonth.of(2026, 9), 30),
                new Period(YearMonth.of(2026, 10), 31));
        assertThat(LateInterest.closedPeriods(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 30))).isEmpty();
        assertThat(LateInterest.closedPeriods(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 1)))
                .containsExactly(new Period(YearMonth.of(2026, 11), 30));
        assertThat(LateInterest.closedPeriods(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 1)))
                .as("due on the 30th: one day late in October").containsExactly(new Period(YearMonth.of(2026, 10), 1));
    }

    @Test
    void theRateInForceOnTheFirstDayOfTheHalfYearAppliesToAllOfIt() {
        LateChargePolicy policy = new LateChargePolicy("0 30 5 * * *", 14, List.of(
                new ReferenceRate(LocalDate.of(2025, 1, 1), new BigDecimal("3.15")),
                new ReferenceRate(LocalDate.of(2025, 6, 11), new BigDecimal("2.15")),
                new ReferenceRate(LocalDate.of(2025, 7, 1), new BigDecimal("2.15"))), Map.of());

        assertThat(policy.referenceRateFor(LocalDate.of(2025, 6, 30))).contains(new BigDecimal("3.15"));
        assertThat(policy.referenceRateFor(LocalDate.of(2025, 12, 1))).contains(new BigDecimal("2.15"));
        assertThat(policy.referenceRateFor(LocalDate.of(2024, 12, 1))).isEmpty();
    }
}
