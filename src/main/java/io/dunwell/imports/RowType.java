package io.dunwell.imports;

import java.util.List;
import java.util.Set;

import io.dunwell.system.RowResult;

/**
 * What the import needs to know of one kind of row: its columns, how a line becomes a command,
 * how commands are applied. Subclasses give their layout to the constructor and implement the rest.
 */
abstract class RowType<C> {

    private final String name;
    private final List<String> columns;
    private final Set<String> requiredColumns;
    private final int chunkSize;

    /**
     * @param name      the name in the report, as in the endpoint's path
     * @param columns   every column, spelled as the JSON API's field names
     * @param chunkSize how many rows {@link #apply} gets at a time
     */
    RowType(String name, List<String> columns, Set<String> requiredColumns, int chunkSize) {
        this.name = name;
        this.columns = columns;
        this.requiredColumns = requiredColumns;
        this.chunkSize = chunkSize;
    }

    final String name() {
        return name;
    }

    final List<String> columns() {
        return columns;
    }

    final Set<String> requiredColumns() {
        return requiredColumns;
    }

    final int chunkSize() {
        return chunkSize;
    }

    /** Reads the row; a value that cannot be parsed is recorded in {@link CsvRow#errors()}. */
    abstract C read(CsvRow row);

    /** Applies the commands, one result per command in their order; a rejected row has changed nothing. */
    abstract List<? extends RowResult<?>> apply(List<C> commands);
}
