package io.dunwell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Flyway migrations on PostgreSQL (the production database): all applied, and the schema
 * itself refuses what the code must never write. The entities' round trips are tested in their
 * packages ({@code *PersistenceTests}).
 */
@DunwellIntegrationTest
class MigrationTests {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMigrationIsAppliedOnPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).isNotEmpty()
                .allSatisfy(migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void domainTablesExist() {
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("account", "account_flag", "receivables_summary", "invoice", "credit_note", "payment", "allocation",
                        "timeline_entry");
    }

    @Test
    void amountsAreExactDecimalsWithRoomForEveryCurrencysMinorUnit() {
        assertThat(jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and column_name in ('amount', 'balance', 'unapplied_amount', 'open_invoice_total', 'unapplied_credit')
                  and not (data_type = 'numeric' and numeric_precision = 19 and numeric_scale = 4)""", String.class)).isEmpty();
        assertThat(jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and column_name in ('created_at', 'updated_at', 'received_at', 'issued_at', 'occurred_at')
                  and data_type <> 'timestamp with time zone'""", String.class)).isEmpty();
    }

    @Test
    void databaseRefusesASecondAccountWithTheSameExternalId() {
        String externalId = "ACC-" + UUID.randomUUID();
        insertAccount(externalId);

        assertThatThrownBy(() -> insertAccount(externalId)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void databaseRefusesAnInvoiceWhoseBalanceExceedsItsAmountOrThatIsDueBeforeItIsIssued() {
        long account = insertAccount("ACC-" + UUID.randomUUID());

        assertThatThrownBy(() -> insertInvoice(account, "100.00", "100.01", "2027-01-01", "2027-01-31"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertInvoice(account, "100.00", "-0.01", "2027-01-01", "2027-01-31"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertInvoice(account, "100.00", "100.00", "2027-01-31", "2027-01-01"))
                .isInstanceOf(DataIntegrityViolationException.class);
        insertInvoice(account, "100.00", "100.00", "2027-01-01", "2027-01-31");
    }

    @Test
    void databaseRefusesAnAllocationWithoutExactlyOneSourceOrWithoutAnAmount() {
        long account = insertAccount("ACC-" + UUID.randomUUID());
        long invoice = insertInvoice(account, "100.00", "100.00", "2027-01-01", "2027-01-31");
        long payment = jdbc.queryForObject("""
                insert into payment (id, external_id, account_id, amount, currency, received_at, unapplied_amount, fingerprint, created_at)
                values (nextval('payment_seq'), ?, ?, 10, 'EUR', now(), 0, 'f', now()) returning id""", Long.class,
                "PAY-" + UUID.randomUUID(), account);

        assertThatThrownBy(() -> insertAllocation(invoice, null, "10.00")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertAllocation(invoice, payment, "0")).isInstanceOf(DataIntegrityViolationException.class);
        insertAllocation(invoice, payment, "10.00");
    }

    private long insertAccount(String externalId) {
        return jdbc.queryForObject("""
                insert into account (id, external_id, name, locale, time_zone, currency, collection_status, collection_stage,
                                     frozen, dunning_exempt, version, created_at, updated_at)
                values (nextval('account_seq'), ?, 'Schema Test', 'en-US', 'UTC', 'EUR', 'GOOD_STANDING', 'NOT_SET',
                        false, false, 0, now(), now()) returning id""", Long.class, externalId);
    }

    private long insertInvoice(long account, String amount, String balance, String issueDate, String dueDate) {
        return jdbc.queryForObject("""
                insert into invoice (id, external_id, account_id, number, issue_date, due_date, currency, amount, balance, status,
                                     version, created_at, updated_at)
                values (nextval('invoice_seq'), ?, ?, 'N-1', ?::date, ?::date, 'EUR', ?::numeric, ?::numeric, 'OPEN', 0, now(), now())
                returning id""", Long.class, "INV-" + UUID.randomUUID(), account, issueDate, dueDate, amount, balance);
    }

    private void insertAllocation(long invoice, Long payment, String amount) {
        jdbc.update("""
                insert into allocation (id, invoice_id, payment_id, amount, created_at)
                values (nextval('allocation_seq'), ?, ?, ?::numeric, now())""", invoice, payment, amount);
    }
}
