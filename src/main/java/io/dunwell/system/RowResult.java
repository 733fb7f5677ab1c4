package io.dunwell.system;

import java.util.List;

import io.dunwell.system.BadRequestException.FieldError;

/** What happened to one row of a batch: created, updated, unchanged, or rejected with the reasons. */
public record RowResult<T>(int index, String externalId, Outcome outcome, T value, List<FieldError> errors) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    public static <T> RowResult<T> rejected(int index, String externalId, List<FieldError> errors) {
        return new RowResult<>(index, externalId, Outcome.REJECTED, null, errors);
    }

    /** For a row that passed every check but that the database still refused (a constraint, a lost race). */
    public static <T> RowResult<T> refusedByDatabase(int index, String externalId) {
        return rejected(index, externalId, List.of(new FieldError("row",
                "was refused by the database: a value is too long or breaks a constraint")));
    }

    public boolean rejected() {
        return outcome == Outcome.REJECTED;
    }
}
