package io.dunwell.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Today in each account's own time zone, for set-based queries over many accounts: days past
 * due count from the customer's date (as {@link Account#today} does), not from UTC's. At any
 * instant the world's dates lie within a day of UTC's, so the zones in use fall into at most three
 * groups and one {@code case} expression gives every row its own today.
 */
public final class AccountToday {

    /** An IANA id as stored, checked again because it is written into the SQL as a literal. */
    private static final String ZONE_ID = "[A-Za-z0-9/_+\\-]+";

    private final LocalDate utc;
    private final Map<LocalDate, List<String>> zonesByDate = new TreeMap<>();
    private final Map<String, LocalDate> dateInZone = new HashMap<>();

    private AccountToday(Instant now, Collection<String> zones) {
        this.utc = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (String zone : zones) {
            LocalDate local = LocalDate.ofInstant(now, ZoneId.of(zone));
            if (!local.equals(utc) && zone.matches(ZONE_ID)) {
                zonesByDate.computeIfAbsent(local, date -> new ArrayList<>()).add(zone);
                dateInZone.put(zone, local);
            }
        }
    }

    /** {@code zones}: the time zones of the accounts the query will meet. */
    public static AccountToday at(Clock clock, Collection<String> zones) {
        return new AccountToday(clock.instant(), zones);
    }

    /** Today in the time zone of an account. */
    public LocalDate in(String zone) {
        return dateInZone.getOrDefault(zone, utc);
    }

    /** Whole days from {@code due} to today in the account's zone: positive when overdue. */
    public long daysSince(LocalDate due, String zone) {
        return ChronoUnit.DAYS.between(due, in(zone));
    }

    /**
     * A SQL condition: {@code dueColumn} lies more than {@code days} days before today in the zone held by
     * {@code zoneColumn}, e.g. more than 60 days overdue where the customer is. The plain bound on the
     * latest of those dates comes first, so an index on the date still narrows the rows.
     */
    public String sqlDueBefore(String dueColumn, String zoneColumn, int days) {
        LocalDate latest = dateInZone.values().stream().reduce(utc, (a, b) -> a.isAfter(b) ? a : b).minusDays(days);
        if (zonesByDate.isEmpty()) {
            return dueColumn + " < " + literal(latest);
        }
        StringBuilder todayThere = new StringBuilder("case");
        zonesByDate.forEach((date, zones) -> todayThere.append(" when ").append(zoneColumn).append(" in ('")
                .append(String.join("', '", zones)).append("') then ").append(literal(date.minusDays(days))));
        todayThere.append(" else ").append(literal(utc.minusDays(days))).append(" end");
        return "(" + dueColumn + " < " + literal(latest) + " and " + dueColumn + " < " + todayThere + ")";
    }

    private static String literal(LocalDate date) {
        return "date '" + date + "'";
    }
}
