package io.dunwell.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DsoTests {

    @Test
    void receivablesOfAThirdOfTheQuartersSalesAreThirtyDays() {
        assertThat(Dso.of(new BigDecimal("30000"), new BigDecimal("90000"), 90)).contains(new BigDecimal("30.0"));
    }

    @Test
    void monthlyTextbookExampleRoundsToOneDecimal() {
        // receivables 70,000 after 200,000 of credit sales in a 31-day month: 10.85 days
        assertThat(Dso.of(new BigDecimal("70000"), new BigDecimal("200000"), 31)).contains(new BigDecimal("10.9"));
    }

    @Test
    void isUndefinedWithoutCreditSales() {
        assertThat(Dso.of(new BigDecimal("5000"), BigDecimal.ZERO, 30)).isEmpty();
    }
}
