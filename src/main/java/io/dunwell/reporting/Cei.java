package io.dunwell.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Collection effectiveness index: the share of what could have been collected in the period that
 * was collected. 100 % means everything collectible came in; it ignores amounts not yet due.
 */
public final class Cei {

    public static final String FORMULA = "CEI = (beginning receivables + credit sales − ending total receivables) "
            + "÷ (beginning receivables + credit sales − ending current receivables) × 100";

    private Cei() {
    }

    /** Empty when nothing was collectible in the period (the denominator is zero or less). */
    public static Optional<BigDecimal> of(BigDecimal beginningReceivables, BigDecimal creditSales,
            BigDecimal endingTotalReceivables, BigDecimal endingCurrentReceivables) {
        BigDecimal available = beginningReceivables.add(creditSales);
        BigDecimal collectible = available.subtract(endingCurrentReceivables);
        if (collectible.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(available.subtract(endingTotalReceivables).multiply(BigDecimal.valueOf(100))
                .divide(collectible, 1, RoundingMode.HALF_UP));
    }
}
