package io.dunwell.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Exact amounts: every amount is scaled to its currency's minor unit and never rounded silently. */
public final class Money {

    private Money() {
    }

    /** Throws {@link IllegalArgumentException} for an unknown ISO 4217 code. */
    public static Currency currency(String code) {
        Currency currency = null;
        if (code != null && code.matches("[A-Z]{3}")) {
            try {
                currency = Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                // reported below, with the same message as a malformed code
            }
        }
        if (currency == null) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(code + " is not a currency that amounts can be in");
        }
        return currency;
    }

    /** The amount at the currency's scale; more decimals than the currency has is an error, not a rounding. */
    public static BigDecimal scaled(BigDecimal amount, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode() + " allows (" + digits + ")");
        }
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** The amount as a reader of {@code locale} groups numbers, with exactly the currency's decimals (none for JPY). */
    public static String format(BigDecimal amount, Currency currency, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        number.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return number.format(amount);
    }

    public static BigDecimal zero(Currency currency) {
        return BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits());
    }
}
