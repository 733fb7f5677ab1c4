package io.dunwell.system;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * {@link InputText}'s rule for the text of every form field, query parameter, path variable and
 * header that a controller binds, console and API alike. A refused value fails the binding with
 * {@link Refused} as the cause, before the controller runs: the API answers a 400 problem, the
 * console a 400 page that names the field.
 */
@ControllerAdvice
public class TextParameters {

    /** Why a bound value was refused: the rule's message, to follow the field's name. */
    public static final class Refused extends IllegalArgumentException {

        public Refused(String refusal) {
            super(refusal);
        }
    }

    @InitBinder
    void applyTheTextRule(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String refusal = InputText.refusal(text);
                if (refusal != null) {
                    throw new Refused(refusal);
                }
                setValue(text);
            }
        });
    }
}
