package io.dunwell.system;

import java.math.BigDecimal;

/**
 * The one rule for decimals that come in through the API and the CSV imports, before any
 * business rule looks at them: at most 20 digits before and 20 after the point. An exponent
 * such as 1e-999999999 is a short text but a billion digits once written out, which a message
 * naming the amount or a rescale to the currency's decimals would try to do.
 */
public final class InputDecimals {

    private static final int DIGITS = 20;

    private InputDecimals() {
    }

    /** Null when the decimal is of a sane size, else what is wrong with it, to follow the field's name. */
    public static String refusal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        long integerDigits = (long) value.precision() - value.scale();
        return integerDigits > DIGITS || value.scale() > DIGITS
                ? "is not a sane amount: at most " + DIGITS + " digits before and " + DIGITS + " after the decimal point" : null;
    }
}
