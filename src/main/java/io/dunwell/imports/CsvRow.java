package io.dunwell.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVRecord;

import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.InputDates;
import io.dunwell.system.InputDecimals;
import io.dunwell.system.InputText;

/**
 * One line of the file read by column name. A value that cannot be parsed becomes a field error
 * of the row instead of an exception, so every problem of the row is reported at once.
 */
final class CsvRow {

    private static final int ECHO_LIMIT = 40;

    private final CSVRecord record;
    private final Map<String, Integer> columns;
    private final List<FieldError> errors = new ArrayList<>();

    CsvRow(CSVRecord record, Map<String, Integer> columns) {
        this.record = record;
        this.columns = columns;
    }

    /** The trimmed value, or null when empty or when the file has no such column. */
    String text(String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    LocalDate date(String column) {
        return checked(column, parse(column, LocalDate::parse, "is not an ISO date (e.g. 2027-01-31)"), InputDates::refusal);
    }

    Instant instant(String column) {
        return checked(column, parse(column, Instant::parse, "is not an ISO-8601 instant (e.g. 2027-01-10T08:00:00Z)"),
                InputDates::refusal);
    }

    BigDecimal amount(String column) {
        return checked(column, parse(column, BigDecimal::new, "is not a decimal amount (e.g. 120.50)"), InputDecimals::refusal);
    }

    List<FieldError> errors() {
        return errors;
    }

    /** Checks what holds for every row whatever its type: the right number of values, valid UTF-8, and the text rule. */
    void checkShape(int headerSize) {
        if (record.size() != headerSize) {
            errors.add(new FieldError("row", "has " + record.size() + " values but the header has " + headerSize + " columns"));
        }
        columns.forEach((column, index) -> {
            // the decoder replaces bytes that are not UTF-8 with U+FFFD
            if (index < record.size() && record.get(index).indexOf('\uFFFD') >= 0) {
                errors.add(new FieldError(column, "is not valid UTF-8"));
            } else if (index < record.size() && InputText.refusal(record.get(index)) != null) {
                errors.add(new FieldError(column, InputText.refusal(record.get(index))));
            }
        });
    }

    /** The value, or null after recording the input rule's refusal of it. */
    private <T> T checked(String column, T value, Function<T, String> rule) {
        String refusal = value == null ? null : rule.apply(value);
        if (refusal != null) {
            errors.add(new FieldError(column, "'" + echo(text(column)) + "' " + refusal));
            return null;
        }
        return value;
    }

    private <T> T parse(String column, Function<String, T> parser, String message) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException unparseable) {
            errors.add(new FieldError(column, "'" + echo(text) + "' " + message));
            return null;
        }
    }

    private static String echo(String text) {
        return text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "…" : text;
    }
}
