package io.dunwell.notification;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The SMS and voice provider for development and the demo: nothing leaves the machine. Each
 * message is recorded in {@code development_channel_delivery}, which the console's mail page
 * shows, so a bulk message can be watched end to end without a contract with a telecom.
 */
public class DevelopmentChannelProvider implements ChannelProvider {

    public record Delivery(long id, String channel, String recipient, String body, Instant deliveredAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DevelopmentChannelProvider(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "development";
    }

    @Override
    public String send(String channel, String recipient, String text) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into development_channel_delivery (channel, recipient, body, delivered_at) values (?, ?, ?, ?)")
                .params(channel, recipient, text, Timestamp.from(clock.instant()))
                .update(id, "id");
        return "dev-" + id.getKey().longValue();
    }

    /** The latest deliveries first. */
    public List<Delivery> deliveries(int limit) {
        return jdbc.sql("select id, channel, recipient, body, delivered_at from development_channel_delivery order by id desc limit ?")
                .param(limit)
                .query((rs, i) -> new Delivery(rs.getLong("id"), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("body"), rs.getTimestamp("delivered_at").toInstant()))
                .list();
    }
}
