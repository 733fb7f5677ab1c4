package io.dunwell.notes;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of "notes are never changed or deleted" (the demo database): the migration hangs it
 * before UPDATE and DELETE on the note tables. PostgreSQL does the same with a plpgsql trigger.
 * Public with a public constructor because H2 instantiates it by name.
 */
public class ImmutableRowTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        // SQLState 23000: integrity constraint violation, as PostgreSQL's trigger reports it
        throw new SQLException("Notes are immutable: " + operation + " on " + table + " is refused", "23000");
    }
}
