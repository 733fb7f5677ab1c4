package io.dunwell.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Exact amounts: every amount is scaled to its currency's minor unit and never rounded silently. */
public final class Money {

    private Money() {
    }

    /** Throws {@link IllegalArgumentException} for an unknown ISO 4217 code. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException(code + " is not a currency that amounts can be in");
            }
            return currency;
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
        }
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

    public static BigDecimal zero(Currency currency) {
        return BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits());
    }
}
