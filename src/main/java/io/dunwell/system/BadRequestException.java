package io.dunwell.system;

import java.util.List;

/**
 * Input that breaks a business rule. Carries field-level errors so the API can answer with
 * RFC 9457 problem details that say exactly what to fix; thrown before anything is written.
 */
public class BadRequestException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public BadRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public BadRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("bad request"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
