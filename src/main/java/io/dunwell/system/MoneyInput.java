package io.dunwell.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.dunwell.system.BadRequestException.FieldError;

/** Checks an incoming positive amount in a currency, collecting field errors instead of failing on the first. */
public final class MoneyInput {

    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private MoneyInput() {
    }

    /** Returns the amount at the currency's scale, or throws with every problem found. */
    public static BigDecimal positive(BigDecimal amount, String currencyCode, String accountCurrency) {
        List<FieldError> errors = new ArrayList<>();
        Currency currency = null;
        try {
            currency = Money.currency(currencyCode);
            if (accountCurrency != null && !accountCurrency.equals(currencyCode)) {
                errors.add(new FieldError("currency", "is " + currencyCode + " but the account is billed in " + accountCurrency));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", e.getMessage()));
        }
        BigDecimal scaled = positive("amount", amount, currency, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return scaled;
    }

    /**
     * Returns the amount at the currency's scale, or null after adding what is wrong with it to
     * {@code errors} under {@code field}; for forms that report every field's problem at once.
     * A null currency (already reported) skips the scale check.
     */
    public static BigDecimal positive(String field, BigDecimal amount, Currency currency, List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (amount.signum() <= 0) {
            errors.add(new FieldError(field, "must be greater than zero"));
        } else if (amount.compareTo(LIMIT) >= 0) {
            errors.add(new FieldError(field, "must be less than 1,000,000,000,000"));
        } else if (currency != null) {
            try {
                return Money.scaled(amount, currency);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, e.getMessage()));
            }
        }
        return null;
    }
}
