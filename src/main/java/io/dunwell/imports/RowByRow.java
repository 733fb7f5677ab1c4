package io.dunwell.imports;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;

import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.RowResult;

/**
 * Applies one row in a transaction of its own, so that a row the database refuses (a value too
 * long for its column, say) is rejected alone instead of failing the whole import.
 */
final class RowByRow {

    private static final FieldError REFUSED = new FieldError("row",
            "was refused by the database: a value is too long or breaks a constraint");

    private RowByRow() {
    }

    static RowResult<?> attempt(int index, String externalId, Supplier<? extends RowResult<?>> apply) {
        try {
            return apply.get();
        } catch (DataIntegrityViolationException refused) {
            return RowResult.rejected(index, externalId, List.of(REFUSED));
        }
    }
}
