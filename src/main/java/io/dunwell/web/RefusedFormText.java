package io.dunwell.web;

import java.util.Map;
import java.util.Optional;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.ParameterRules;

/**
 * A console request that input rules refused — a form's text or date {@link ParameterRules} refused (a NUL
 * pasted into a note, say), or a filter or field a service refused with {@link BadRequestException} (an
 * unknown aging bucket in a link): a 400 page that says what was wrong and that nothing was saved,
 * instead of Spring's bare 400 or a 500. A controller that answers a fragment handles its own.
 */
@ControllerAdvice(basePackageClasses = RefusedFormText.class)
class RefusedFormText {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView refusedParameter(MethodArgumentTypeMismatchException e) throws MethodArgumentTypeMismatchException {
        if (e.getCause() instanceof ParameterRules.Refused refused) {
            return page(e.getName(), refused);
        }
        throw e;
    }

    @ExceptionHandler(BadRequestException.class)
    ModelAndView refused(BadRequestException e) {
        String refusal = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
        return new ModelAndView("error", Map.of("status", 400, "error", "Bad Request", "refusal", refusal + " Nothing was saved."),
                HttpStatus.BAD_REQUEST);
    }

    /** Whatever a page or form names that is not there (an old link, another tab's finished session): the 404 page. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return new ModelAndView("error", Map.of("status", 404, "error", "Not Found", "refusal", e.getMessage()),
                HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(BindException.class)
    ModelAndView refusedFormField(BindException e) throws BindException {
        Optional<ModelAndView> page = e.getFieldErrors().stream()
                .filter(error -> error.contains(TypeMismatchException.class)
                        && error.unwrap(TypeMismatchException.class).getCause() instanceof ParameterRules.Refused)
                .findFirst()
                .map(error -> page(error.getField(),
                        (ParameterRules.Refused) error.unwrap(TypeMismatchException.class).getCause()));
        if (page.isPresent()) {
            return page.get();
        }
        throw e;
    }

    private static ModelAndView page(String field, ParameterRules.Refused refused) {
        return new ModelAndView("error", Map.of("status", 400, "error", "Bad Request",
                "refusal", "The form's field '" + field + "' " + refused.getMessage() + ". Nothing was saved."), HttpStatus.BAD_REQUEST);
    }
}
