package io.dunwell.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.dunwell.system.InputDates;
import io.dunwell.system.InputDecimals;
import io.dunwell.system.InputText;

/**
 * Applies the input rules of {@link InputText}, {@link InputDates} and {@link InputDecimals} to
 * every value of those types that a JSON body carries, whatever the call and however deeply the
 * value is nested (map keys and the values of free-form maps too). A refused value fails the read
 * as {@link RefusedValue}, which {@link ApiProblems} answers with a 400 naming the field, before
 * any controller runs.
 */
@Component
class InputRulesModule extends SimpleModule {

    private static final Map<Class<?>, Function<Object, String>> RULES = Map.of(
            String.class, value -> InputText.refusal((String) value),
            LocalDate.class, value -> InputDates.refusal((LocalDate) value),
            Instant.class, value -> InputDates.refusal((Instant) value),
            BigDecimal.class, value -> InputDecimals.refusal((BigDecimal) value));

    InputRulesModule() {
        super("dunwell-input-rules");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                                                          JsonDeserializer<?> deserializer) {
                Function<Object, String> rule = RULES.get(beanDesc.getBeanClass());
                return rule == null ? deserializer : new Checked(deserializer, rule);
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
                return type.getRawClass() == String.class ? new CheckedKey(deserializer) : deserializer;
            }
        });
    }

    /** A value the input rules refuse; the message is the rule's, to follow the field's name. */
    static final class RefusedValue extends MismatchedInputException {

        private final String refusal;

        RefusedValue(JsonParser parser, String refusal) {
            super(parser, refusal);
            this.refusal = refusal;
        }

        String refusal() {
            return refusal;
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        private final Function<Object, String> rule;

        Checked(JsonDeserializer<?> standard, Function<Object, String> rule) {
            super(standard);
            this.rule = rule;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, rule);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) throws IOException {
            return checked(parser, super.deserialize(parser, context, intoValue));
        }

        private Object checked(JsonParser parser, Object value) throws RefusedValue {
            String refusal = value == null ? null : rule.apply(value);
            if (refusal != null) {
                throw new RefusedValue(parser, refusal);
            }
            return value;
        }
    }

    private static final class CheckedKey extends KeyDeserializer {

        private final KeyDeserializer standard;

        CheckedKey(KeyDeserializer standard) {
            this.standard = standard;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String refusal = InputText.refusal(key);
            if (refusal != null) {
                throw new RefusedValue(context.getParser(), "has a key that " + refusal);
            }
            return standard.deserializeKey(key, context);
        }
    }
}
