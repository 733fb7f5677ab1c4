package io.dunwell.imports;

import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;

import io.dunwell.system.RowResult;

/**
 * Applies one row in a transaction of its own, so that a row the database refuses (a value too
 * long for its column, say) is rejected alone instead of failing the whole import.
 */
final class RowByRow {

    private RowByRow() {
    }

    static RowResult<?> attempt(int index, String externalId, Supplier<? extends RowResult<?>> apply) {
        try {
            return apply.get();
        } catch (DataIntegrityViolationException refused) {
            return RowResult.refusedByDatabase(index, externalId);
        }
    }
}
