package io.dunwell.system;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The input rules of {@link InputText} and {@link InputDates} for every form field, query
 * parameter, path variable and header that a controller binds, console and API alike. A refused
 * value fails the binding with {@link Refused} as the cause, before the controller runs: the API
 * answers a 400 problem, the console a 400 page that names the field. Dates are ISO dates, as
 * every date field of the console and the API is.
 */
@ControllerAdvice
public class ParameterRules {

    /** Why a bound value was refused: the rule's message, to follow the field's name. */
    public static final class Refused extends IllegalArgumentException {

        public Refused(String refusal) {
            super(refusal);
        }
    }

    @InitBinder
    void applyTheInputRules(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Checked<>(text -> text, InputText::refusal));
        binder.registerCustomEditor(LocalDate.class, new Checked<>(ParameterRules::isoDate, InputDates::refusal));
    }

    private static LocalDate isoDate(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Refused("is not an ISO date (e.g. 2027-01-31)");
        }
    }

    private static final class Checked<T> extends PropertyEditorSupport {

        private final Function<String, T> parse;
        private final Function<T, String> rule;

        Checked(Function<String, T> parse, Function<T, String> rule) {
            this.parse = parse;
            this.rule = rule;
        }

        @Override
        public void setAsText(String text) {
            T value = parse.apply(text);
            String refusal = value == null ? null : rule.apply(value);
            if (refusal != null) {
                throw new Refused(refusal);
            }
            setValue(value);
        }
    }
}
