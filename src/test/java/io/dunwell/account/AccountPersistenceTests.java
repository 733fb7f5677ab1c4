package io.dunwell.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dunwell.DunwellIntegrationTest;

/** Accounts as PostgreSQL stores them: every field, the flags, the version, instants to the microsecond. */
@DunwellIntegrationTest
class AccountPersistenceTests {

    static final Instant CREATED = Instant.parse("2027-01-10T08:00:00.123456Z");

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    private Account saved() {
        Account account = new Account("ACC-" + UUID.randomUUID(), CREATED);
        account.update(new AccountDetails("Größe & Söhne GmbH", "ap@groesse.example", "+49 30 1234567", "de-DE", "Europe/Berlin",
                "EUR", "enterprise"), CREATED);
        account.assignTo("agent7");
        account.changeStatus(CollectionStatus.IN_COLLECTIONS);
        return accounts.save(account);
    }

    @Test
    void accountComesBackAsItWasSaved() {
        Account saved = saved();

        Account loaded = accounts.findByExternalId(saved.getExternalId()).orElseThrow();

        assertThat(loaded).isNotSameAs(saved);
        assertThat(loaded.details()).isEqualTo(saved.details());
        assertThat(loaded.getName()).isEqualTo("Größe & Söhne GmbH");
        assertThat(loaded.getAssignedAgent()).isEqualTo("agent7");
        assertThat(loaded.getCollectionStatus()).isEqualTo(CollectionStatus.IN_COLLECTIONS);
        assertThat(loaded.getCollectionStage()).isEqualTo(CollectionStage.NOT_SET);
        assertThat(loaded.isFrozen()).isFalse();
        assertThat(loaded.isDunningExempt()).isFalse();
        assertThat(loaded.getDunningPausedUntil()).isNull();
        assertThat(loaded.getFlags()).isEmpty();
        assertThat(loaded.getCreatedAt()).isEqualTo(CREATED);
        assertThat(loaded.getUpdatedAt()).isEqualTo(CREATED);
        assertThat(loaded.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(loaded.currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void instantsAreStoredInUtcToTheMicrosecond() {
        Account saved = saved();

        assertThat(jdbc.queryForObject("select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') from account where id = ?",
                String.class, saved.getId())).isEqualTo("2027-01-10T08:00:00.123456");
    }

    @Test
    void flagsAndPausesWrittenByOtherModulesAreRead() {
        Account saved = saved();
        jdbc.update("insert into account_flag (account_id, flag) values (?, 'VIP'), (?, 'BANKRUPTCY')", saved.getId(), saved.getId());
        jdbc.update("update account set frozen = true, frozen_reason = 'fraud check', dunning_exempt = true, "
                + "dunning_paused_until = date '2027-02-01' where id = ?", saved.getId());

        Account loaded = accounts.findById(saved.getId()).orElseThrow();

        assertThat(loaded.getFlags()).containsExactlyInAnyOrder("VIP", "BANKRUPTCY");
        assertThat(loaded.isFrozen()).isTrue();
        assertThat(loaded.getFrozenReason()).isEqualTo("fraud check");
        assertThat(loaded.isDunningExempt()).isTrue();
        assertThat(loaded.getDunningPausedUntil()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void updatingAnAccountKeepsItsFlagsAndCountsItsVersion() {
        Account saved = saved();
        jdbc.update("insert into account_flag (account_id, flag) values (?, 'VIP')", saved.getId());
        long version = jdbc.queryForObject("select version from account where id = ?", Long.class, saved.getId());
        Account loaded = accounts.findById(saved.getId()).orElseThrow();

        loaded.assignTo("agent8");
        accounts.save(loaded);

        assertThat(accounts.findById(saved.getId()).orElseThrow().getFlags()).containsExactly("VIP");
        assertThat(accounts.findById(saved.getId()).orElseThrow().getAssignedAgent()).isEqualTo("agent8");
        assertThat(jdbc.queryForObject("select version from account where id = ?", Long.class, saved.getId())).isEqualTo(version + 1);
    }
}
