package io.dunwell.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccountTodayTests {

    /** 2026-03-02 20:00 UTC: 2026-03-03 09:00 in Auckland, 12:00 on 2026-03-02 in Los Angeles. */
    static final Clock EVENING = Clock.fixed(Instant.parse("2026-03-02T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void eachZoneGetsItsOwnDate() {
        AccountToday today = AccountToday.at(EVENING, List.of("Pacific/Auckland", "America/Los_Angeles", "Europe/Berlin"));

        assertThat(today.in("Pacific/Auckland")).isEqualTo("2026-03-03");
        assertThat(today.in("America/Los_Angeles")).isEqualTo("2026-03-02");
        assertThat(today.daysSince(LocalDate.parse("2026-01-01"), "Pacific/Auckland")).isEqualTo(61);
        assertThat(today.daysSince(LocalDate.parse("2026-01-01"), "Europe/Berlin")).isEqualTo(60);
    }

    @Test
    void theSqlConditionNamesOnlyTheZonesWhoseDateDiffersFromUtcs() {
        AccountToday today = AccountToday.at(EVENING, List.of("Pacific/Auckland", "America/Los_Angeles"));

        assertThat(today.sqlDueBefore("i.due_date", "a.time_zone", 60)).isEqualTo("(i.due_date < date '2026-01-02' and i.due_date < "
                + "case when a.time_zone in ('Pacific/Auckland') then date '2026-01-02' else date '2026-01-01' end)");
        assertThat(AccountToday.at(EVENING, List.of("UTC")).sqlDueBefore("i.due_date", "a.time_zone", 0))
                .isEqualTo("i.due_date < date '2026-03-02'");
    }
}
