package io.dunwell;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * V30 moves the SMS and voice queue, the mention mails and the follow-up mails into the one outbox,
 * on PostgreSQL (production) and H2 (the demo): a database at V23 with rows of every kind is
 * migrated, and afterwards every row is in {@code outbox_message} under the key the code computes,
 * what was sent is SENT (so the key finds it and nothing sends it again), what was pending is due
 * for the sweep, and the old tables are gone.
 */
class OneOutboxMigrationTests {

    static final Instant SENT_AT = Instant.parse("2026-11-02T09:15:00Z");
    static final Instant QUEUED_AT = Instant.parse("2026-11-02T09:00:00Z");
    static final Instant SLOT = Instant.parse("2026-11-02T09:03:00Z");

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresInitializer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void everyMessageOfTheOldTablesIsInTheOutboxAndWhatWasSentStaysSent(String vendor) {
        DataSource database = freshDatabase(vendor);
        migrate(database, vendor, "23");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        seedEveryKindOfMessage(jdbc);

        migrate(database, vendor, "latest");

        assertThat(jdbc.queryForObject("select count(*) from outbox_message", Integer.class)).isEqualTo(8);
        assertThat(jdbc.queryForList("select lower(table_name) from information_schema.tables where lower(table_schema) = 'public'",
                String.class)).contains("outbox_message").doesNotContain("channel_message", "note_mention", "follow_up_mail");

        assertThat(row(jdbc, "case-1:notice-1")).containsEntry("status", "SENT").containsEntry("sent_by", "PROCESS")
                .containsEntry("attempts", 1L).containsEntry("template", "reminder-1").containsEntry("account_id", 910001L);
        assertThat(row(jdbc, "bulk-1:email")).containsEntry("status", "PENDING").containsEntry("sent_by", "OUTBOX");
        assertThat(instant(jdbc, "not_before", "bulk-1:email")).isEqualTo(SLOT);

        Map<String, Object> sms = row(jdbc, "bulk-2:sms");
        assertThat(sms).containsEntry("status", "SENT").containsEntry("channel", "SMS").containsEntry("recipient", "+4930123")
                .containsEntry("text_body", "Please pay").containsEntry("provider", "development")
                .containsEntry("provider_id", "dev-7").containsEntry("sent_by", "OUTBOX").containsEntry("attempts", 1L)
                .containsEntry("account_id", 910001L);
        assertThat(sms.get("template")).isNull();
        assertThat(instant(jdbc, "sent_at", "bulk-2:sms")).isEqualTo(SENT_AT);
        assertThat(jdbc.queryForObject("select reference from bulk_action_account where id = 950011", String.class))
                .isEqualTo("outbox:" + sms.get("id"));
        assertThat(row(jdbc, "bulk-3:voice")).containsEntry("status", "PENDING").containsEntry("channel", "VOICE")
                .containsEntry("attempts", 0L).containsEntry("sent_by", "OUTBOX");
        assertThat(instant(jdbc, "not_before", "bulk-3:voice")).isEqualTo(SLOT);

        assertThat(row(jdbc, "note:960001:mention:bob")).containsEntry("status", "SENT").containsEntry("recipient", "bob@dunwell.test")
                .containsEntry("template", "note-mention").containsEntry("sent_by", "OUTBOX").containsEntry("attempts", 1L)
                .containsEntry("subject", "alice mentioned you in a note on account ACC-M1");
        assertThat(row(jdbc, "note:960001:mention:bob").get("account_id")).as("staff mail goes to no customer").isNull();
        assertThat(instant(jdbc, "sent_at", "note:960001:mention:bob")).isEqualTo(SENT_AT);
        Map<String, Object> pending = row(jdbc, "note:960002:mention:carol");
        assertThat(pending).containsEntry("status", "PENDING").containsEntry("attempts", 2L).containsEntry("last_error", "421 try later")
                .containsEntry("sent_by", "OUTBOX").containsEntry("subject", "alice mentioned you in a note on account ACC-M1")
                .containsEntry("text_body", """
                        Hello carol,

                        alice mentioned you in a note on account ACC-M1 (Migrated GmbH), invoice INV-77:

                        Disputed line 3
                        see scan

                        Open the account in Dunwell to reply.
                        """);
        assertThat(row(jdbc, "note:960001:mention:dave")).containsEntry("status", "FAILED")
                .containsEntry("last_error", "The agent has no email address");

        assertThat(row(jdbc, "follow-up:980001:follow-up-reminder:erin@dunwell.test")).containsEntry("status", "SENT")
                .containsEntry("template", "follow-up-reminder").containsEntry("recipient", "erin@dunwell.test")
                .containsEntry("sent_by", "PROCESS").containsEntry("attempts", 1L);
        assertThat(instant(jdbc, "sent_at", "follow-up:980001:follow-up-reminder:erin@dunwell.test")).isEqualTo(SENT_AT);

        assertThat(jdbc.queryForList("select idempotency_key from outbox_message where status = 'PENDING' order by idempotency_key",
                String.class)).as("only what was never sent is left to send")
                .containsExactly("bulk-1:email", "bulk-3:voice", "note:960002:mention:carol");
        assertThat(jdbc.queryForObject("select count(distinct id) from outbox_message", Integer.class)).isEqualTo(8);
    }

    private static DataSource freshDatabase(String vendor) {
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        if (vendor.equals("h2")) {
            return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + name);
        return postgres.getDatabase("postgres", name);
    }

    private static void migrate(DataSource database, String vendor, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/migration-" + vendor)
                .target(target).load().migrate();
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, String key) {
        Map<String, Object> row = new HashMap<>();
        jdbc.queryForMap("select * from outbox_message where idempotency_key = ?", key)
                .forEach((column, value) -> row.put(column.toLowerCase(), sameTypeOnBothDatabases(value)));
        return row;
    }

    /** Every number as a long: an integer column reads as Integer on one database and Long on the other. */
    private static Object sameTypeOnBothDatabases(Object value) {
        return value instanceof Number number ? (Object) number.longValue() : value;
    }

    private static Instant instant(JdbcTemplate jdbc, String column, String key) {
        return jdbc.queryForObject("select " + column + " from outbox_message where idempotency_key = ?", OffsetDateTime.class, key)
                .toInstant();
    }

    /** Rows as the code before V30 wrote them. */
    private static void seedEveryKindOfMessage(JdbcTemplate jdbc) {
        Timestamp queued = Timestamp.from(QUEUED_AT);
        Timestamp sent = Timestamp.from(SENT_AT);
        Timestamp slot = Timestamp.from(SLOT);
        jdbc.update("""
                insert into account (id, external_id, name, locale, time_zone, currency, collection_status, collection_stage,
                                     frozen, dunning_exempt, version, created_at, updated_at)
                values (910001, 'ACC-M1', 'Migrated GmbH', 'de-DE', 'Europe/Berlin', 'EUR', 'GOOD_STANDING', 'NOT_SET',
                        false, false, 0, ?, ?)""", queued, queued);
        jdbc.update("""
                insert into invoice (id, external_id, account_id, number, issue_date, due_date, currency, amount, balance, status,
                                     version, created_at, updated_at)
                values (920001, 'INV-EXT-77', 910001, 'INV-77', ?, ?, 'EUR', 100, 100, 'OPEN', 0, ?, ?)""",
                Date.valueOf(LocalDate.of(2026, 10, 1)), Date.valueOf(LocalDate.of(2026, 10, 31)), queued, queued);

        String outbox = """
                insert into outbox_message (id, idempotency_key, account_id, template, channel, locale, recipient, subject,
                                            html_body, text_body, status, attempts, created_at, sent_at, sent_by, not_before)
                values (?, ?, 910001, ?, 'EMAIL', 'de-DE', 'ap@migrated.example', 'Subject', '<p>Hi</p>', 'Hi', ?, ?, ?, ?, ?, ?)""";
        jdbc.update(outbox, 930001, "case-1:notice-1", "reminder-1", "SENT", 1, queued, sent, "PROCESS", null);
        jdbc.update(outbox, 930002, "bulk-1:email", "bulk-message", "PENDING", 0, queued, null, "OUTBOX", slot);

        String channel = """
                insert into channel_message (id, idempotency_key, account_id, channel, recipient, body, rate_limited, not_before,
                                             status, provider, provider_id, created_at, sent_at)
                values (?, ?, 910001, ?, '+4930123', ?, ?, ?, ?, ?, ?, ?, ?)""";
        jdbc.update(channel, 940001, "bulk-2:sms", "SMS", "Please pay", false, queued, "SENT", "development", "dev-7", queued, sent);
        jdbc.update(channel, 940002, "bulk-3:voice", "VOICE", "Please call us", true, slot, "QUEUED", null, null, queued, null);
        jdbc.update("""
                insert into bulk_action (id, idempotency_key, fingerprint, action, parameters, as_of, requested_by, requested_at)
                values (950001, 'bulk-2', 'f', 'message', '{}', ?, 'alice', ?)""", Date.valueOf(LocalDate.of(2026, 11, 2)), queued);
        jdbc.update("""
                insert into bulk_action_account (id, bulk_action_id, position, account_id, status, detail, reference)
                values (950011, 950001, 0, 910001, 'DONE', 'SMS queued', 'channel-message:940001')""");

        String note = "insert into note (id, account_id, invoice_id, parent_id, author, created_at, body) values (?, 910001, ?, null, 'alice', ?, ?)";
        jdbc.update(note, 960001, null, queued, "@bob @dave call them");
        jdbc.update(note, 960002, 920001, queued, "Disputed line 3\nsee scan");
        String mention = """
                insert into note_mention (id, note_id, agent_id, recipient, status, attempts, last_error, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""";
        jdbc.update(mention, 970001, 960001, "bob", "bob@dunwell.test", "SENT", 1, null, sent);
        jdbc.update(mention, 970002, 960002, "carol", "carol@dunwell.test", "PENDING", 2, "421 try later", null);
        jdbc.update(mention, 970003, 960001, "dave", null, "FAILED", 0, "The agent has no email address", null);

        jdbc.update("""
                insert into follow_up_task (id, account_id, name, owner, assignee, due_date, reminder_date, status, auto_escalate,
                                            created_at, updated_at)
                values (980001, 910001, 'Check remittance', 'sam', 'erin', ?, ?, 'PENDING', false, ?, ?)""",
                Date.valueOf(LocalDate.of(2026, 11, 5)), Date.valueOf(LocalDate.of(2026, 11, 2)), queued, queued);
        jdbc.update("insert into follow_up_mail (mail_key, follow_up_task_id, recipient, sent_at) values (?, 980001, ?, ?)",
                "follow-up:980001:follow-up-reminder:erin@dunwell.test", "erin@dunwell.test", sent);
    }
}
