package io.dunwell.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CeiTests {

    @Test
    void textbookExampleCollectsSeventyTwoPointSevenPercent() {
        // beginning 500,000 + credit sales 300,000; ending total 400,000 of which 250,000 not yet due:
        // (500 + 300 − 400) / (500 + 300 − 250) = 400 / 550
        assertThat(Cei.of(new BigDecimal("500000"), new BigDecimal("300000"), new BigDecimal("400000"), new BigDecimal("250000")))
                .contains(new BigDecimal("72.7"));
    }

    @Test
    void collectingEverythingThatFellDueIsOneHundredPercent() {
        // only the amounts not yet due are left open
        assertThat(Cei.of(new BigDecimal("1000"), new BigDecimal("2000"), new BigDecimal("800"), new BigDecimal("800")))
                .contains(new BigDecimal("100.0"));
    }

    @Test
    void isUndefinedWhenNothingWasCollectible() {
        assertThat(Cei.of(BigDecimal.ZERO, new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("100"))).isEmpty();
    }
}
