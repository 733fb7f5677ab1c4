package io.dunwell.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code console_setting}: one text value per key, with who changed it last and when. */
@Repository
class SettingsStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    SettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> find(String key) {
        return jdbc.sql("select \"value\" from console_setting where \"key\" = ?").param(key)
                .query(String.class).optional();
    }

    /** The value, with its row locked until the transaction ends: changes that read before they write queue up. */
    Optional<String> findLocked(String key) {
        return jdbc.sql("select \"value\" from console_setting where \"key\" = ? for update").param(key)
                .query(String.class).optional();
    }

    void put(String key, String value, String changedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update console_setting set \"value\" = ?, updated_at = ?, updated_by = ? where \"key\" = ?")
                .params(value, now, changedBy, key).update();
        if (updated == 0) {
            jdbc.sql("insert into console_setting (\"key\", \"value\", updated_at, updated_by) values (?, ?, ?, ?)")
                    .params(key, value, now, changedBy).update();
        }
    }
}
