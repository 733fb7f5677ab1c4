package io.dunwell.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dunwell.EmbeddedPostgresInitializer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The same SQL on both databases Dunwell runs on: H2 for the demo, PostgreSQL in production. */
class DistinctValuesTests {

    @Test
    void h2WalksTheDistinctValuesInOrderLeavingOutNull() throws SQLException {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:distinct;DB_CLOSE_DELAY=-1")) {
            assertThat(distinctZones(h2)).containsExactly("America/New_York", "Europe/Berlin", "Pacific/Auckland");
        }
    }

    @Test
    void postgresqlWalksTheSameValues() throws SQLException, IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgresInitializer.start();
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(distinctZones(connection)).containsExactly("America/New_York", "Europe/Berlin", "Pacific/Auckland");
        }
    }

    @Test
    void onlyPlainIdentifiersAreWrittenIntoTheSql() {
        assertThatThrownBy(() -> DistinctValues.of("account; drop table account", "time_zone"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> distinctZones(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table account (id int, time_zone varchar(64))");
            statement.execute("create index ix_account_time_zone on account (time_zone)");
            statement.execute("insert into account values (1, 'Europe/Berlin'), (2, 'Pacific/Auckland'), (3, 'Europe/Berlin'),"
                    + " (4, null), (5, 'America/New_York'), (6, 'Pacific/Auckland')");
            List<String> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(DistinctValues.of("account", "time_zone"))) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
