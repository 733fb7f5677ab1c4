package io.dunwell.system;

/** The request contradicts what Dunwell already holds under the same id; nothing was changed. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
