package io.dunwell.reporting;

import java.math.BigDecimal;
import java.util.List;

/** One currency's money figures: DSO and CEI with the period before, receivables now and their aging. */
public record CurrencyMetrics(String currency, Trend dso, Trend cei, BigDecimal receivables, BigDecimal overdue,
                              List<BigDecimal> aging) {
}
