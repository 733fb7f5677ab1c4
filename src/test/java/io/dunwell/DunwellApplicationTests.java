package io.dunwell;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DunwellIntegrationTest
class DunwellApplicationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void startsOnPostgresqlWithTheMigratedSchema() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            try (var rs = connection.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
        }
    }
}
