package io.dunwell.system;

import java.util.regex.Pattern;

/**
 * Cells of a CSV file that people open in a spreadsheet. Customer names, notes and numbers come
 * from outside, and a spreadsheet runs a cell that starts like a formula; an apostrophe makes it
 * text again. A spreadsheet set to another list separator than the file's splits the cell at that
 * separator, so {@code x;=1+1} is two cells, a formula among them, when opened where ; separates
 * lists: the apostrophe goes after every separator too.
 */
public final class SpreadsheetCells {

    /** After OWASP's advice on CSV injection: = + - @ tab and carriage return may start a formula. */
    private static final String FORMULA_START = "=+-@\t\r";
    /** A list separator of a common locale (, ; tab |) or a line break, where a cell may start, before a formula's start. */
    private static final Pattern SEPARATOR_BEFORE_FORMULA = Pattern.compile("([,;\\t|\\n\\r])(?=[=+\\-@\\t\\r])");

    private SpreadsheetCells() {
    }

    public static String neutralised(String value) {
        if (value == null || value.isEmpty() || !mayHoldFormula(value)) {
            return value;
        }
        String inside = SEPARATOR_BEFORE_FORMULA.matcher(value).replaceAll("$1'");
        return FORMULA_START.indexOf(inside.charAt(0)) >= 0 ? "'" + inside : inside;
    }

    private static boolean mayHoldFormula(String value) {
        return value.chars().anyMatch(c -> FORMULA_START.indexOf(c) >= 0);
    }
}
