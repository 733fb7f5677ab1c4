package io.dunwell.imports;

import java.util.List;
import java.util.Set;

import io.dunwell.system.RowResult;

/** What the import needs to know of one kind of row: its columns, how a line becomes a command, how commands are applied. */
interface RowType<C> {

    /** The name in the report, as in the endpoint's path. */
    String name();

    /** Every column, spelled as the JSON API's field names. */
    List<String> columns();

    Set<String> requiredColumns();

    /** How many rows {@link #apply} gets at a time. */
    int chunkSize();

    /** Reads the row; a value that cannot be parsed is recorded in {@link CsvRow#errors()}. */
    C read(CsvRow row);

    /** Applies the commands, one result per command in their order; a rejected row has changed nothing. */
    List<? extends RowResult<?>> apply(List<C> commands);
}
