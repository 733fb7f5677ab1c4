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

import io.dunwell.system.ParameterRules;

/**
 * A console form whose text or date {@link ParameterRules} refused (a NUL pasted into a note, say): a 400
 * page that names the field and says nothing was saved, instead of Spring's bare 400. Every
 * console controller, including the notes and follow-up sections outside this package.
 */
@ControllerAdvice(basePackages = {"io.dunwell.web", "io.dunwell.notes", "io.dunwell.followup"})
class RefusedFormText {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView refusedParameter(MethodArgumentTypeMismatchException e) throws MethodArgumentTypeMismatchException {
        if (e.getCause() instanceof ParameterRules.Refused refused) {
            return page(e.getName(), refused);
        }
        throw e;
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
