package org.communitykiosk.lovemarket.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The period a per-resident limit counts in; each starts on a date in the community's time zone. */
enum LimitPeriod {
    DAY, WEEK, MONTH, YEAR,
    /** The limit is for ever (once per resident). */
    EVER;

    private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    /** The first day of the period that contains the date; the quota of a resident is counted per start. */
    LocalDate start(LocalDate day) {
        return switch (this) {
        case DAY -> day;
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> day.withDayOfMonth(1);
        case YEAR -> day.withDayOfYear(1);
        case EVER -> BEGINNING;
        };
    }
}
