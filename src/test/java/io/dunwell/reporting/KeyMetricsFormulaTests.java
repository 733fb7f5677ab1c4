package io.dunwell.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeyMetricsFormulaTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void averageDaysPastDueCountsEachOverdueInvoiceOnceWhateverItsBalance() {
        List<LedgerDay> open = List.of(
                new LedgerDay("EUR", TODAY.minusDays(10), new BigDecimal("100"), 2),      // 2 invoices, 10 days
                new LedgerDay("USD", TODAY.minusDays(40), new BigDecimal("99999"), 1),    // 1 invoice, 40 days
                new LedgerDay("EUR", TODAY.plusDays(5), new BigDecimal("500"), 3));       // not overdue

        assertThat(KeyMetrics.averageDaysPastDue(open, TODAY)).isEqualByComparingTo("20.0");
    }

    @Test
    void promiseKeptRateIsKeptOverDecided() {
        assertThat(KeyMetrics.rate(3, 1)).isEqualByComparingTo("75.0");
        assertThat(KeyMetrics.rate(0, 0)).isNull();
    }

    @Test
    void trendPointsTheWayTheFigureMoved() {
        assertThat(new Trend(new BigDecimal("45"), new BigDecimal("40")).direction()).isPositive();
        assertThat(new Trend(null, new BigDecimal("40")).direction()).isZero();
    }
}
