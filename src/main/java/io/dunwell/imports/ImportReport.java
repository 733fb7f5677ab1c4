package io.dunwell.imports;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.RowResult.Outcome;

/**
 * What an import did: counts over all rows, and the rows themselves (by default only the
 * rejected ones, so that the report of a big file stays small).
 */
public record ImportReport(String type, long total, long created, long updated, long unchanged, long rejected,
                           List<Row> rows) {

    /** {@code line} is the file's 1-based line number (the header is line 1) where the row starts. */
    public record Row(long line, String externalId, Outcome outcome,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {
    }
}
