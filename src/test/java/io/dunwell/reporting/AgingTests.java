package io.dunwell.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.SettingRejected;

class AgingTests {

    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    @Test
    void textbookAgingScheduleSortsEachInvoiceByItsDaysPastDue() {
        Map<LocalDate, BigDecimal> open = Map.of(
                MARCH_31.plusDays(10), new BigDecimal("1000"),   // not yet due
                MARCH_31, new BigDecimal("400"),                 // due today: still current
                MARCH_31.minusDays(15), new BigDecimal("2000"),
                MARCH_31.minusDays(30), new BigDecimal("100"),   // last day of 1–30
                MARCH_31.minusDays(31), new BigDecimal("500"),
                MARCH_31.minusDays(75), new BigDecimal("300"),
                MARCH_31.minusDays(120), new BigDecimal("200"));

        assertThat(Aging.totals(AgingBuckets.DEFAULT, MARCH_31, open)).containsExactly(
                new BigDecimal("1400"), new BigDecimal("2100"), new BigDecimal("500"), new BigDecimal("300"), new BigDecimal("200"));
    }

    @Test
    void customBucketsNameAndSplitTheDays() {
        AgingBuckets quarters = new AgingBuckets(List.of(
                new AgingBucket("Not due", 0, 0),
                new AgingBucket("This quarter", 1, 90),
                new AgingBucket("Older", 91, null)));

        assertThat(quarters.indexOf(-5)).isZero();
        assertThat(quarters.indexOf(90)).isEqualTo(1);
        assertThat(quarters.indexOf(91)).isEqualTo(2);
        assertThat(quarters.names()).containsExactly("Not due", "This quarter", "Older");
    }

    @Test
    void bucketsWithAGapAreRefused() {
        assertThatThrownBy(() -> new AgingBuckets(List.of(
                new AgingBucket("Current", 0, 0),
                new AgingBucket("Late", 5, null))))
                .isInstanceOf(SettingRejected.class).hasMessageContaining("gap");
    }
}
