package io.dunwell.system;

/**
 * The one rule for text that comes in through the API, the CSV imports and the console's forms:
 * no control characters but tab, line feed and carriage return, and no half of a surrogate pair.
 * PostgreSQL refuses a NUL in text and the others only break the pages, mails and files that
 * show the text later; refused where it enters, they change nothing.
 */
public final class InputText {

    private InputText() {
    }

    /** Null when the text may be stored, else what is wrong with it, to follow the field's name. */
    public static String refusal(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return "contains the control character U+%04X at position %d; text may hold tabs and line breaks but no other"
                        .formatted((int) c, i + 1) + " control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains half of a UTF-16 surrogate pair at position " + (i + 1) + ", which is not a character";
            }
        }
        return null;
    }
}
