package io.dunwell.web;

import java.math.BigDecimal;
import java.util.Locale;

import io.dunwell.system.Money;

/**
 * How every console page writes an amount, as {@code amounts.format(amount, currency)}: with its
 * currency's decimals (none for JPY, two for EUR) and grouped as the viewer's browser language
 * reads numbers. The currency code goes beside it, so amounts of different currencies never look alike.
 */
public final class ConsoleAmounts {

    private final Locale viewer;

    ConsoleAmounts(Locale viewer) {
        this.viewer = viewer;
    }

    public String format(BigDecimal amount, String currency) {
        return Money.format(amount, Money.currency(currency.strip()), viewer);
    }

    /** The currency's decimals, for the charts' tooltips to format alike. */
    public int digits(String currency) {
        return Money.currency(currency.strip()).getDefaultFractionDigits();
    }
}
