package io.dunwell.bulk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.system.BadRequestException;

/**
 * An action's parameters as the API's JSON or the console's form sent them (numbers may come as
 * strings, lists as comma-separated text). A bad value is a 400 naming {@code parameters.<name>}.
 */
final class Parameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values;

    Parameters(Map<String, Object> values) {
        this.values = values;
    }

    String text(String name, int maxLength) {
        Object value = values.get(name);
        String text = value == null ? null : value.toString().trim();
        if (text == null || text.isEmpty()) {
            throw refused(name, "is required");
        }
        if (text.length() > maxLength) {
            throw refused(name, "is longer than " + maxLength + " characters");
        }
        return text;
    }

    String optionalText(String name, int maxLength) {
        Object value = values.get(name);
        return value == null || value.toString().isBlank() ? null : text(name, maxLength);
    }

    String oneOf(String name, Collection<String> allowed) {
        String value = text(name, 100);
        if (!allowed.contains(value)) {
            throw refused(name, "must be one of " + String.join(", ", allowed) + ", not " + value);
        }
        return value;
    }

    /** A positive number, exact: 2.5 stays 2.5. */
    BigDecimal positive(String name) {
        String text = text(name, 40);
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() <= 0) {
                throw refused(name, "must be more than 0, not " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw refused(name, "must be a number, not " + text);
        }
    }

    int wholeNumber(String name, int fallback, int min, int max) {
        Object value = values.get(name);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.toString().trim());
            if (number < min || number > max) {
                throw refused(name, "must be between " + min + " and " + max + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw refused(name, "must be a whole number, not " + value);
        }
    }

    boolean flag(String name) {
        Object value = values.get(name);
        return value instanceof Boolean on ? on : value != null && List.of("true", "on", "yes").contains(value.toString().trim());
    }

    /** A JSON list, or comma-separated text as a form field sends it; blanks dropped. */
    List<String> list(String name) {
        Object value = values.get(name);
        List<?> raw = value == null ? List.of() : value instanceof Collection<?> items ? List.copyOf(items)
                : Arrays.asList(value.toString().split(","));
        return raw.stream().map(item -> item == null ? "" : item.toString().trim()).filter(item -> !item.isEmpty())
                .distinct().toList();
    }

    /** As JSON with the names in order: the same parameters always read the same, whatever order they came in. */
    String canonical() {
        try {
            return JSON.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters cannot be stored: " + e.getOriginalMessage(), e);
        }
    }

    static Parameters parse(String canonical) {
        try {
            return new Parameters(JSON.readValue(canonical, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters are not JSON", e);
        }
    }

    static BadRequestException refused(String name, String message) {
        return new BadRequestException("parameters." + name, message);
    }
}
