package io.dunwell.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.dunwell.account.Account;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.Money;

/** The rules an invoice must meet before anything is written; one list of errors per row. */
final class InvoiceValidator {

    private static final Pattern EXTERNAL_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");
    private static final Set<String> STATUSES = Set.of(Invoice.OPEN, Invoice.PAID, Invoice.VOID);

    private InvoiceValidator() {
    }

    static List<FieldError> validate(InvoiceCommand c, Account account) {
        List<FieldError> errors = new ArrayList<>();
        if (c.externalId() == null || !EXTERNAL_ID.matcher(c.externalId()).matches()) {
            errors.add(new FieldError("externalId", "must be 1 to 100 letters, digits or . _ : -"));
        }
        if (c.accountId() == null || c.accountId().isBlank()) {
            errors.add(new FieldError("accountId", "is required"));
        } else if (account == null) {
            errors.add(new FieldError("accountId", "no account with id " + c.accountId()));
        }
        if (c.number() == null || c.number().isBlank()) {
            errors.add(new FieldError("number", "is required"));
        } else if (c.number().length() > 100) {
            errors.add(new FieldError("number", "must be at most 100 characters"));
        }
        if (c.issueDate() == null) {
            errors.add(new FieldError("issueDate", "is required (ISO date, e.g. 2027-01-31)"));
        }
        if (c.dueDate() == null) {
            errors.add(new FieldError("dueDate", "is required (ISO date, e.g. 2027-02-28)"));
        } else if (c.issueDate() != null && c.dueDate().isBefore(c.issueDate())) {
            errors.add(new FieldError("dueDate", "is before the issue date " + c.issueDate()));
        }
        if (c.status() != null && !STATUSES.contains(c.status())) {
            errors.add(new FieldError("status", "must be one of OPEN, PAID, VOID"));
        }
        checkMoney(errors, c, account);
        return errors;
    }

    private static void checkMoney(List<FieldError> errors, InvoiceCommand c, Account account) {
        Currency currency;
        try {
            currency = Money.currency(c.currency());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", e.getMessage()));
            return;
        }
        if (account != null && !account.getCurrency().equals(c.currency())) {
            errors.add(new FieldError("currency", "is " + c.currency() + " but account " + account.getExternalId()
                    + " is billed in " + account.getCurrency()));
        }
        BigDecimal amount = checkAmount(errors, "amount", c.amount(), currency, true);
        BigDecimal balance = checkAmount(errors, "balance", c.balance(), currency, false);
        if (amount != null && balance != null) {
            if (balance.compareTo(amount) > 0) {
                errors.add(new FieldError("balance", "is more than the amount " + amount.toPlainString()));
            }
            if (Invoice.PAID.equals(c.status()) && balance.signum() != 0) {
                errors.add(new FieldError("status", "is PAID but the balance is " + balance.toPlainString()));
            }
        }
    }

    private static BigDecimal checkAmount(List<FieldError> errors, String field, BigDecimal value,
                                          Currency currency, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (required ? value.signum() <= 0 : value.signum() < 0) {
            errors.add(new FieldError(field, required ? "must be greater than zero" : "must not be negative"));
            return null;
        }
        if (value.compareTo(new BigDecimal("1000000000000")) >= 0) {
            errors.add(new FieldError(field, "must be less than 1,000,000,000,000"));
            return null;
        }
        try {
            return Money.scaled(value, currency);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
