package io.dunwell.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.ParameterRules;

/** Every error of the API as RFC 9457 problem details, with a field-level list where it helps. */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    static final URI VALIDATION = URI.create("urn:dunwell:problem:validation");
    static final URI MALFORMED = URI.create("urn:dunwell:problem:malformed-request");
    static final URI CONFLICT = URI.create("urn:dunwell:problem:conflict");
    static final URI NOT_FOUND = URI.create("urn:dunwell:problem:not-found");
    static final URI TOO_LARGE = URI.create("urn:dunwell:problem:payload-too-large");
    static final URI BUSY = URI.create("urn:dunwell:problem:busy");

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", "The request was refused; nothing was changed.", e.errors());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, CONFLICT, "Conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    /** A check inside a call (whose basket is it?), answered like the security filter's own 403. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, URI.create("urn:dunwell:problem:forbidden"), "Forbidden", e.getMessage(), List.of());
    }

    /** The engine's own authorization check (a task, a process) refused the signed-in user: a permission answer, not a failure. */
    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbiddenByTheEngine(AuthorizationException e) {
        return problem(HttpStatus.FORBIDDEN, URI.create("urn:dunwell:problem:forbidden"), "Forbidden",
                "User " + e.getUserId() + " may not do this here.", List.of());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Payload too large", e.getMessage(), List.of());
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail busy(PessimisticLockingFailureException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, BUSY, "Account busy",
                "Another booking for the same account is in progress; retry the request.", List.of());
    }

    /** A multipart body the server cannot split into parts (a broken boundary, a cut-off part) is the client's error. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedMultipart(MultipartException e) {
        // a too large upload is a MultipartException too, answered with a 413 by handleMaxUploadSizeExceededException
        return problem(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request",
                "The body is not a valid multipart/form-data body: send the CSV as the part named file, or as text/csv.",
                List.of());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        logger.error("Unexpected error in the API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, URI.create("urn:dunwell:problem:internal"), "Internal error",
                "The request failed unexpectedly and was rolled back; nothing was changed.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
        }
        List<FieldError> errors = List.of();
        String detail = "The body is not valid JSON for this call.";
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping.getPath());
            String expected = mapping instanceof InputRulesModule.RefusedValue refused ? refused.refusal()
                    : mapping instanceof InvalidFormatException invalid
                    ? "cannot be read as " + expectedType(invalid.getTargetType()) : "has the wrong type";
            errors = List.of(new FieldError(field, expected));
            detail = "Field '" + field + "' " + expected + ".";
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request", detail, errors));
    }

    /** A path variable, query parameter or header that cannot be bound, e.g. text the input rule refuses. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String message = e.getCause() instanceof ParameterRules.Refused refused ? refused.getMessage()
                : e.getRequiredType() == null ? "has the wrong type" : "cannot be read as " + expectedType(e.getRequiredType());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request",
                "Parameter '" + field + "' " + message + ".", List.of(new FieldError(field, message))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Payload too large", "The upload is larger than allowed.", List.of()));
    }

    static ProblemDetail problem(HttpStatus status, URI type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(err -> Map.of("field", err.field(), "message", err.message())).toList());
        }
        return problem;
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expectedType(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO date (e.g. 2027-01-31)";
            case "Instant" -> "an ISO-8601 instant (e.g. 2027-01-10T08:00:00Z)";
            case "BigDecimal" -> "a decimal amount (e.g. \"120.50\")";
            case "Duration", "Period" -> "an ISO-8601 duration (e.g. P1D)";
            default -> "a " + type.getSimpleName();
        };
    }
}
