package io.dunwell.web;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON to embed in a page as {@code <script type="application/json">}: the HTML parser ends a script
 * element at {@code </script>} whatever JSON thinks, and does not decode entities inside it, so the
 * characters that could end it or open a comment are written as JSON's \\u escapes instead.
 */
@Component
class ScriptJson {

    private final ObjectMapper mapper;

    ScriptJson(ObjectMapper mapper) {
        this.mapper = mapper.copy();
        this.mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the page's data as JSON", e);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {

        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&', '\'', '/'}) {
                escapes[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
