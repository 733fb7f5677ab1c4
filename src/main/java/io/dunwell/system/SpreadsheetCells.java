package io.dunwell.system;

/**
 * Cells of a CSV file that people open in a spreadsheet. Customer names, notes and numbers come
 * from outside, and a spreadsheet runs a cell that starts like a formula; a leading apostrophe
 * makes it text again.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** After OWASP's advice on CSV injection: = + - @ tab and carriage return may start a formula. */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
