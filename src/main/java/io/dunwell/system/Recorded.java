package io.dunwell.system;

import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outcome of an idempotent create: the stored thing, and whether this call was a replay. */
public record Recorded<T>(T value, boolean replayed) {

    /**
     * Runs the attempt in a transaction. When a concurrent request with the same id won the
     * race to insert, the attempt runs once more and so finds the winner's row.
     */
    public static <T> Recorded<T> once(TransactionTemplate transaction, Supplier<Recorded<T>> attempt) {
        try {
            return transaction.execute(status -> attempt.get());
        } catch (DataIntegrityViolationException raced) {
            return transaction.execute(status -> attempt.get());
        }
    }
}
