package io.dunwell.system;

/**
 * SQL for the distinct values of an indexed column, in order, as a walk through its index: each
 * step asks the index for the next value above the last (a "loose index scan"), so four time zones
 * among 100,000 accounts cost five index probes where {@code select distinct} reads every row.
 * PostgreSQL has no such plan of its own; H2 runs the same recursive query.
 */
public final class DistinctValues {

    private static final String IDENTIFIER = "[a-z_]+";

    private DistinctValues() {
    }

    /** {@code table} and {@code column} are written into the SQL: constants of the caller, never input. */
    public static String of(String table, String column) {
        if (!table.matches(IDENTIFIER) || !column.matches(IDENTIFIER)) {
            throw new IllegalArgumentException("not a plain identifier: " + table + "." + column);
        }
        return """
                with recursive step (value) as (
                    select min(COLUMN) from TABLE
                    union all
                    select (select min(t.COLUMN) from TABLE t where t.COLUMN > step.value) from step where step.value is not null)
                select value from step where value is not null""".replace("COLUMN", column).replace("TABLE", table);
    }
}
