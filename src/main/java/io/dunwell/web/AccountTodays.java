package io.dunwell.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each time zone the accounts are in, with its date at an instant: an account's days past due count
 * from its own today, as the dunning run's {@code DelinquentAccounts} counts them. Accounts use few
 * zones, so a query can join this short list instead of doing time-zone arithmetic in SQL, which
 * H2 and PostgreSQL spell differently.
 */
@Component
class AccountTodays {

    record ZoneToday(String zone, LocalDate today) {
    }

    private final JdbcTemplate jdbc;

    AccountTodays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Zones this JVM does not know are left out, as the dunning run leaves them out. */
    List<ZoneToday> at(Instant now) {
        List<ZoneToday> todays = new ArrayList<>();
        for (String zone : jdbc.queryForList("select distinct time_zone from account", String.class)) {
            try {
                todays.add(new ZoneToday(zone, LocalDate.ofInstant(now, ZoneId.of(zone))));
            } catch (DateTimeException unknownZone) {
                // the account validator accepts only valid zones; one dropped from this JVM's data is not guessed at
            }
        }
        return todays;
    }
}
