package io.dunwell.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Days sales outstanding: how many days of credit sales the receivables amount to. */
public final class Dso {

    public static final String FORMULA = "DSO = ending receivables ÷ credit sales in the period × days in the period";

    private Dso() {
    }

    /** Empty when there were no credit sales in the period: DSO is undefined then, not infinite. */
    public static Optional<BigDecimal> of(BigDecimal endingReceivables, BigDecimal creditSales, int daysInPeriod) {
        if (creditSales.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(endingReceivables.multiply(BigDecimal.valueOf(daysInPeriod))
                .divide(creditSales, 1, RoundingMode.HALF_UP));
    }
}
