package io.dunwell.reporting;

import java.math.BigDecimal;

/** A figure this period and the period before; either may be null where the figure is undefined. */
public record Trend(BigDecimal current, BigDecimal previous) {

    /** +1 up, −1 down, 0 unchanged or not comparable. Whether up is good depends on the figure. */
    public int direction() {
        return current == null || previous == null ? 0 : current.compareTo(previous);
    }

    public BigDecimal change() {
        return current == null || previous == null ? null : current.subtract(previous);
    }
}
