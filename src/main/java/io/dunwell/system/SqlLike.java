package io.dunwell.system;

/**
 * A search term as a SQL {@code LIKE} pattern, its wildcards taken literally ("50%_off" finds exactly
 * that, not "50" followed by anything); backslash is the escape, PostgreSQL's and H2's default.
 */
public final class SqlLike {

    private SqlLike() {
    }

    public static String containing(String term) {
        return "%" + escaped(term) + "%";
    }

    public static String startingWith(String term) {
        return escaped(term) + "%";
    }

    private static String escaped(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
