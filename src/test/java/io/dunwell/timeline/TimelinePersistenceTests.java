package io.dunwell.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;

/** Timeline entries as PostgreSQL stores them: every field, oldest first, ties in the order they were written. */
@DunwellIntegrationTest
class TimelinePersistenceTests {

    @Autowired
    Accounts accounts;

    @Autowired
    TimelineRepository entries;

    private Long newAccount() {
        return accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails("Timeline Customer", null, null, "en-US", "UTC", "EUR",
                null)).account().getId();
    }

    @Test
    void entryComesBackAsItWasSavedToTheMicrosecond() {
        Long account = newAccount();
        Instant at = Instant.parse("2027-01-10T08:00:00.654321Z");
        String summary = "Reminder 1 sent to ap@customer.example — «Zahlungserinnerung» " + "x".repeat(1900);

        entries.save(new TimelineEntry(account, at, "NOTICE_SENT", summary, "MSG-1", "agent7"));

        assertThat(entries.findByAccountIdOrderByOccurredAtAscIdAsc(account)).filteredOn(e -> e.getType().equals("NOTICE_SENT"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.getId()).isNotNull();
                    assertThat(entry.getAccountId()).isEqualTo(account);
                    assertThat(entry.getOccurredAt()).isEqualTo(at);
                    assertThat(entry.getSummary()).isEqualTo(summary);
                    assertThat(entry.getReference()).isEqualTo("MSG-1");
                    assertThat(entry.getActor()).isEqualTo("agent7");
                });
    }

    @Test
    void entriesComeOldestFirstAndInWritingOrderWithinTheSameInstant() {
        Long account = newAccount();
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        Instant later = Instant.parse("2026-01-01T00:00:00.000001Z");

        entries.save(new TimelineEntry(account, later, "C", "third", null, "system"));
        entries.save(new TimelineEntry(account, first, "A", "first", null, "system"));
        entries.save(new TimelineEntry(account, first, "B", "second", null, "system"));

        assertThat(entries.findByAccountIdOrderByOccurredAtAscIdAsc(account)).extracting(TimelineEntry::getType)
                .filteredOn(type -> !type.equals("ACCOUNT_CREATED")).containsExactly("A", "B", "C");
    }
}
