package io.dunwell.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.dunwell.system.BadRequestException.FieldError;

/** Checks an incoming positive amount in a currency, collecting field errors instead of failing on the first. */
public final class MoneyInput {

    private MoneyInput() {
    }

    /** Returns the amount at the currency's scale, or throws with every problem found. */
    public static BigDecimal positive(BigDecimal amount, String currencyCode, String accountCurrency) {
        List<FieldError> errors = new ArrayList<>();
        java.util.Currency currency = null;
        try {
            currency = Money.currency(currencyCode);
            if (accountCurrency != null && !accountCurrency.equals(currencyCode)) {
                errors.add(new FieldError("currency", "is " + currencyCode + " but the account is billed in " + accountCurrency));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", e.getMessage()));
        }
        BigDecimal scaled = null;
        if (amount == null) {
            errors.add(new FieldError("amount", "is required"));
        } else if (amount.signum() <= 0) {
            errors.add(new FieldError("amount", "must be greater than zero"));
        } else if (amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
            errors.add(new FieldError("amount", "must be less than 1,000,000,000,000"));
        } else if (currency != null) {
            try {
                scaled = Money.scaled(amount, currency);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("amount", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return scaled;
    }
}
