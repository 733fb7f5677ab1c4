package io.dunwell.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The days after {@code start} up to and including {@code end}: receivables "at the start" are those at the end of {@code start}. */
public record Period(LocalDate start, LocalDate end) {

    /** The 30 days ending today and the 30 days before: month over month without calendar-month noise. */
    public static Period last30Days(LocalDate today) {
        return new Period(today.minusDays(30), today);
    }

    public Period previous() {
        return new Period(start.minusDays(days()), start);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end);
    }
}
