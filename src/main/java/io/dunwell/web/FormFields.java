package io.dunwell.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.dunwell.system.BadRequestException;

/**
 * The console's form fields that a page reads as text, to answer a typo with a message on the same
 * page rather than an error page: blank is null, anything else must parse or is refused by name.
 */
final class FormFields {

    private FormFields() {
    }

    static Integer wholeNumber(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notAWholeNumber) {
            throw new BadRequestException(field, "\"" + text + "\" is not a whole number");
        }
    }

    static BigDecimal amount(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException notAnAmount) {
            throw new BadRequestException(field, "\"" + text + "\" is not an amount like 1234.56");
        }
    }

    static LocalDate date(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            throw new BadRequestException(field, "\"" + text + "\" is not a date like 2026-12-01");
        }
    }
}
