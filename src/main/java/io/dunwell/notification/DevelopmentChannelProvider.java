package io.dunwell.notification;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * The SMS and voice provider for development and the demo: nothing leaves the machine. Each
 * message is recorded in {@code development_channel_delivery}, which the console's mail page
 * shows, so a bulk message can be watched end to end without a contract with a telecom.
 */
public class DevelopmentChannelProvider implements ChannelProvider {

    public record Delivery(long id, String channel, String recipient, String body, Instant deliveredAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DevelopmentChannelProvider(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "development";
    }

    @Override
    public String send(String channel, String recipient, String text) {
        Number id = new SimpleJdbcInsert(jdbc).withTableName("development_channel_delivery").usingGeneratedKeyColumns("id")
                .usingColumns("channel", "recipient", "body", "delivered_at")
                .executeAndReturnKey(Map.of("channel", channel, "recipient", recipient, "body", text,
                        "delivered_at", Timestamp.from(clock.instant())));
        return "dev-" + id.longValue();
    }

    /** The latest deliveries first. */
    public List<Delivery> deliveries(int limit) {
        return jdbc.query("select id, channel, recipient, body, delivered_at from development_channel_delivery"
                        + " order by id desc limit ?", (rs, i) -> new Delivery(rs.getLong("id"), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("body"), rs.getTimestamp("delivered_at").toInstant()), limit);
    }
}
