package org.communitykiosk.bloodpressure.internal;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.Actor;

/** The residents' readings, the staff's alerts and the lists derived from them. */
interface ReadingStore {

    /** Residents who came regularly (at least 3 readings in the 90 days before) but not in the last 14 days. */
    record Absence(long residentId, LocalDate lastSeen, int readings) {
    }

    /** How many residents had a reading recorded on a day. */
    record DayCount(LocalDate day, int residents) {
    }

    /**
     * Records a reading, classified by the guideline, in one transaction with its audit entry and any alert it
     * raises. A repeated request key returns the reading recorded first and writes nothing.
     *
     * @throws org.communitykiosk.api.InvalidInputException for values out of range; nothing is written
     */
    Reading record(long residentId, ReadingDraft draft, Guideline guideline, Actor by, String requestKey);

    /** A resident's readings taken on or after the day, oldest first. */
    List<Reading> history(long residentId, LocalDate from);

    /** Open alerts first (newest first), then the acknowledged ones of the last 30 days. */
    List<Alert> alerts(LocalDate today);

    /**
     * Acknowledges an open alert with a follow-up note; whoever acknowledges first wins.
     *
     * @throws org.communitykiosk.api.InvalidInputException for an unknown or already acknowledged alert or a note
     *         too long
     */
    Alert acknowledge(long alertId, String note, Actor by);

    List<Absence> absent(LocalDate today);

    /** Days from {@code from} to {@code to} (inclusive) with at least one reading. */
    List<DayCount> residentsPerDay(LocalDate from, LocalDate to);
}
