package io.dunwell.charges;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dunwell.charges.BalanceHistory.MoneyApplied;
import io.dunwell.charges.LateChargePolicy.ReferenceRate;
import io.dunwell.charges.LateInterest.Accrual;
import io.dunwell.charges.LateInterest.Period;
import io.dunwell.charges.LateInterest.Stretch;
import io.dunwell.invoice.AllocationHistory.DatedAllocation;

/**
 * Worked examples of the interest formula as a textbook gives them: 1,000.00 EUR due 31 January 2026
 * at 12.15 % a year (4.15 % reference + 8 points), ACT/365, interest on the balance owed at the end
 * of each day, rounded once per month HALF_UP to the cent. Then the periods and the half-year rate.
 */
class LateInterestTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal RATE = new BigDecimal("12.15");
    private static final LocalDate DUE = LocalDate.of(2026, 1, 31);

    @Test
    void februaryFullyUnpaidIsNineThirtyTwo() {
        // 1,000.00 × 28 days = 28,000 balance-days; 28,000 × 12.15 / 36,500 = 9.32054… → 9.32
        // (rounding each day instead would give 28 × 0.33 = 9.24: the month is rounded once)
        BalanceHistory unpaid = new BalanceHistory(new BigDecimal("1000.00"), List.of());

        Accrual february = LateInterest.accrue(period(2, 1, 28), unpaid);

        assertThat(february.days()).isEqualTo(28);
        assertThat(february.balanceDays()).isEqualByComparingTo("28000");
        assertThat(LateInterest.amount(february.balanceDays(), RATE, EUR)).isEqualByComparingTo("9.32").hasScaleOf(2);
    }

    @Test
    void aPartPaymentOnTheTenthLowersTheBalanceFromThatDay() {
        // 400.00 paid on 10 March: the end of the 1st … 9th owes 1,000.00, of the 10th … 31st 600.00.
        // 1,000.00 × 9 + 600.00 × 22 = 9,000 + 13,200 = 22,200 balance-days;
        // 22,200 × 12.15 / 36,500 = 7.38986… → 7.39 (the whole month on 600.00 would be 6.19, on 1,000.00 10.32)
        BalanceHistory partPaid = new BalanceHistory(new BigDecimal("600.00"),
                List.of(new MoneyApplied(LocalDate.of(2026, 3, 10), new BigDecimal("400.00"), true)));

        Accrual march = LateInterest.accrue(period(3, 1, 31), partPaid);

        assertThat(march.stretches()).containsExactly(
                new Stretch(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9), new BigDecimal("1000.00")),
                new Stretch(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 31), new BigDecimal("600.00")));
        assertThat(march.days()).isEqualTo(31);
        assertThat(march.balanceDays()).isEqualByComparingTo("22200");
        assertThat(march.oneBalance()).isEmpty();
        assertThat(march.breakdown()).isEqualTo("2026-03-01..2026-03-09 9 × 1000.00; 2026-03-10..2026-03-31 22 × 600.00");
        assertThat(LateInterest.amount(march.balanceDays(), RATE, EUR)).isEqualByComparingTo("7.39");
    }

    @Test
    void theMonthIsRoundedOnceNotEachStretch() {
        // 400.00 paid on 6 April: 1,000.00 × 5 + 600.00 × 25 = 5,000 + 15,000 = 20,000 balance-days;
        // 20,000 × 12.15 / 36,500 = 6.65753… → 6.66, where rounding each stretch would give 1.66 + 4.99 = 6.65
        BalanceHistory partPaid = new BalanceHistory(new BigDecimal("600.00"),
                List.of(new MoneyApplied(LocalDate.of(2026, 4, 6), new BigDecimal("400.00"), true)));

        Accrual april = LateInterest.accrue(period(4, 1, 30), partPaid);

        assertThat(april.balanceDays()).isEqualByComparingTo("20000");
        assertThat(LateInterest.amount(april.balanceDays(), RATE, EUR)).isEqualByComparingTo("6.66");
    }

    @Test
    void theLastMonthRunsToTheDayBeforeThePaymentThatClearedTheInvoice() {
        // 400.00 on 10 March, the other 600.00 on 10 April: the 1st … 9th of April owe 600.00;
        // 600.00 × 9 = 5,400 balance-days; 5,400 × 12.15 / 36,500 = 1.79753… → 1.80
        BalanceHistory paid = new BalanceHistory(new BigDecimal("0.00"), List.of(
                new MoneyApplied(LocalDate.of(2026, 4, 10), new BigDecimal("600.00"), true),
                new MoneyApplied(LocalDate.of(2026, 3, 10), new BigDecimal("400.00"), true)));

        assertThat(paid.paidInFullOn()).contains(LocalDate.of(2026, 4, 10));
        List<Period> periods = LateInterest.chargeablePeriods(DUE, LocalDate.of(2026, 4, 12), paid.paidInFullOn());
        assertThat(periods).containsExactly(period(2, 1, 28), period(3, 1, 31), period(4, 1, 9));
        assertThat(periods).extracting(period -> LateInterest.amount(LateInterest.accrue(period, paid).balanceDays(), RATE, EUR))
                .containsExactly(new BigDecimal("9.32"), new BigDecimal("7.39"), new BigDecimal("1.80"));
    }

    @Test
    void eachChargeIsRoundedOnceHalfUpToTheCurrencysScale() {
        // 1,000.00 × 30 days × 10.15 / 36,500 = 8.3424… → 8.34; × 31 days = 8.62054… → 8.62
        assertThat(LateInterest.amount(new BigDecimal("30000.00"), new BigDecimal("10.15"), EUR)).isEqualByComparingTo("8.34");
        assertThat(LateInterest.amount(new BigDecimal("31000.00"), new BigDecimal("10.15"), EUR)).isEqualByComparingTo("8.62");
        // 2,500.00 × 9 days × 10.15 / 36,500 = 6.25684… → 6.26; 100.00 × 73 days at 10 % = exactly 2.00
        assertThat(LateInterest.amount(new BigDecimal("22500.00"), new BigDecimal("10.15"), EUR)).isEqualByComparingTo("6.26");
        assertThat(LateInterest.amount(new BigDecimal("7300.00"), BigDecimal.TEN, EUR)).isEqualByComparingTo("2.00");
        // 0.05 for one day at 10 % rounds to nothing
        assertThat(LateInterest.amount(new BigDecimal("0.05"), BigDecimal.TEN, EUR)).isZero();
        // a currency without minor units: 100,000 JPY × 30 days × 10.15 / 36,500 = 834.24… → 834
        assertThat(LateInterest.amount(new BigDecimal("3000000"), new BigDecimal("10.15"), Currency.getInstance("JPY")))
                .isEqualByComparingTo("834").hasScaleOf(0);
    }

    @Test
    void interestRunsFromTheDayAfterTheDueDateAndAnOpenInvoiceIsChargedOnlyForMonthsThatAreOver() {
        assertThat(LateInterest.chargeablePeriods(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 11, 22), Optional.empty()))
                .containsExactly(new Period(YearMonth.of(2026, 8), LocalDate.of(2026, 8, 21), LocalDate.of(2026, 8, 31)),
                        new Period(YearMonth.of(2026, 9), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
                        new Period(YearMonth.of(2026, 10), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertThat(LateInterest.chargeablePeriods(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 30), Optional.empty())).isEmpty();
        assertThat(LateInterest.chargeablePeriods(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 1), Optional.empty()))
                .extracting(Period::days).containsExactly(30L);
        assertThat(LateInterest.chargeablePeriods(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 1), Optional.empty()))
                .as("due on the 30th: one day late in October").extracting(Period::days).containsExactly(1L);
    }

    @Test
    void aPaidInvoiceIsChargedUpToTheDayBeforeItsPaymentAndNoFurther() {
        assertThat(LateInterest.chargeablePeriods(DUE, LocalDate.of(2026, 6, 1), Optional.of(LocalDate.of(2026, 3, 1))))
                .as("paid on the 1st: February to its end, nothing of March").containsExactly(period(2, 1, 28));
        assertThat(LateInterest.chargeablePeriods(DUE, LocalDate.of(2026, 2, 20), Optional.of(LocalDate.of(2026, 2, 15))))
                .as("paid before February is over").containsExactly(period(2, 1, 14));
        assertThat(LateInterest.chargeablePeriods(DUE, LocalDate.of(2026, 6, 1), Optional.of(LocalDate.of(2026, 2, 1))))
                .as("paid the day after the due date: late, but no day's end owed anything").isEmpty();
        assertThat(LateInterest.chargeablePeriods(DUE, LocalDate.of(2026, 6, 1), Optional.of(LocalDate.of(2026, 1, 20))))
                .as("paid on time").isEmpty();
        assertThat(LateInterest.chargeablePeriods(DUE, LocalDate.of(2026, 3, 5), Optional.of(LocalDate.of(2026, 3, 20))))
                .as("a payment dated ahead of today counts from its day: only February is over")
                .containsExactly(period(2, 1, 28));
    }

    @Test
    void aBookingCountsOnItsDayWhereTheCustomerIsAndOnlyAPaymentClearsAnInvoiceForCharging() {
        // 23:30 UTC on 9 March is 00:30 on 10 March in Berlin: the 9th still owes the 400.00
        BalanceHistory berlin = BalanceHistory.of(new BigDecimal("600.00"), List.of(new DatedAllocation(1L,
                Instant.parse("2026-03-09T23:30:00Z"), new BigDecimal("400.0000"), true)), ZoneId.of("Europe/Berlin"));
        assertThat(berlin.endOf(LocalDate.of(2026, 3, 9))).isEqualByComparingTo("1000.00");
        assertThat(berlin.endOf(LocalDate.of(2026, 3, 10))).isEqualTo(new BigDecimal("600.00"));
        assertThat(berlin.paidInFullOn()).isEmpty();

        BalanceHistory credited = new BalanceHistory(new BigDecimal("0.00"), List.of(
                new MoneyApplied(LocalDate.of(2026, 3, 10), new BigDecimal("400.00"), true),
                new MoneyApplied(LocalDate.of(2026, 4, 2), new BigDecimal("600.00"), false)));
        assertThat(credited.paidInFullOn()).as("a credit note (a write-off) cleared it").isEmpty();
        assertThat(new BalanceHistory(new BigDecimal("0.00"), List.of()).paidInFullOn())
                .as("cleared by the billing system: no date to charge to").isEmpty();
    }

    @Test
    void daysWithNothingOwedBearNoInterest() {
        BalanceHistory paid = new BalanceHistory(new BigDecimal("0.00"),
                List.of(new MoneyApplied(LocalDate.of(2026, 2, 11), new BigDecimal("1000.00"), true)));

        Accrual february = LateInterest.accrue(period(2, 1, 28), paid);

        assertThat(february.stretches()).containsExactly(new Stretch(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 10),
                new BigDecimal("1000.00")));
        assertThat(february.oneBalance()).contains(new BigDecimal("1000.00"));
    }

    @Test
    void theRateInForceOnTheFirstDayOfTheHalfYearAppliesToAllOfIt() {
        LateChargePolicy policy = new LateChargePolicy("0 30 5 * * *", 14, 45, List.of(
                new ReferenceRate(LocalDate.of(2025, 1, 1), new BigDecimal("3.15")),
                new ReferenceRate(LocalDate.of(2025, 6, 11), new BigDecimal("2.15")),
                new ReferenceRate(LocalDate.of(2025, 7, 1), new BigDecimal("2.15"))), Map.of());

        assertThat(policy.referenceRateFor(LocalDate.of(2025, 6, 30))).contains(new BigDecimal("3.15"));
        assertThat(policy.referenceRateFor(LocalDate.of(2025, 12, 1))).contains(new BigDecimal("2.15"));
        assertThat(policy.referenceRateFor(LocalDate.of(2024, 12, 1))).isEmpty();
    }

    private static Period period(int month, int fromDay, int toDay) {
        return new Period(YearMonth.of(2026, month), LocalDate.of(2026, month, fromDay), LocalDate.of(2026, month, toDay));
    }
}
