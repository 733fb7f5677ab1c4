package io.dunwell.invoice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;

/** Checks shared by payments and credit notes before anything is looked up or written. */
public final class BookingInput {

    private static final Pattern EXTERNAL_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    private BookingInput() {
    }

    public static void requireIds(String externalId, String accountId, Instant when, String whenField,
                                  String textField, String text, int textMax) {
        List<FieldError> errors = new ArrayList<>();
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add(new FieldError("externalId", "must be 1 to 100 letters, digits or . _ : -"));
        }
        if (accountId == null || accountId.isBlank()) {
            errors.add(new FieldError("accountId", "is required"));
        }
        if (when == null) {
            errors.add(new FieldError(whenField, "is required (ISO-8601 instant, e.g. 2027-01-10T08:00:00Z)"));
        }
        if (text != null && text.length() > textMax) {
            errors.add(new FieldError(textField, "must be at most " + textMax + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    /** Allocations in a stable text form for the request fingerprint. */
    public static String canonical(List<AllocationRequest> allocations) {
        if (allocations == null || allocations.isEmpty()) {
            return "oldest-first";
        }
        StringBuilder text = new StringBuilder();
        for (AllocationRequest a : allocations) {
            text.append(a.invoiceId()).append('=')
                    .append(a.amount() == null ? "null" : a.amount().stripTrailingZeros().toPlainString()).append(';');
        }
        return text.toString();
    }
}
