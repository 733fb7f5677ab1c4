package io.dunwell.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one rule for dates and instants that come in through the API and the CSV imports: years
 * 1900 to 2199. Billing data outside them is a typo or an attack, and the far ends of Java's
 * range (year -999999999) overflow the arithmetic of days past due, aging and interest.
 */
public final class InputDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2199, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final String OUTSIDE = "is outside the years " + FIRST.getYear() + " to " + LAST.getYear() + " that Dunwell accepts";

    private InputDates() {
    }

    /** Null when the date is in range, else what is wrong with it, to follow the field's name. */
    public static String refusal(LocalDate date) {
        return date == null || !date.isBefore(FIRST) && !date.isAfter(LAST) ? null : OUTSIDE;
    }

    public static String refusal(Instant instant) {
        return instant == null || !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT) ? null : OUTSIDE;
    }
}
