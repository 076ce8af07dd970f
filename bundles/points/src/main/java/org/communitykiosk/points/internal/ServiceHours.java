package org.communitykiosk.points.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;

/**
 * Volunteer service hours: logged by the volunteer, pending until staff confirm them or the resident served taps
 * their card; a confirmation credits points on the ledger in the same transaction. Every write is audited.
 */
public interface ServiceHours {

    /** The rules in force (categories, rounding, caps). */
    PointsRules rules();

    /**
     * Logs hours as pending. A repeat with the same idempotency key returns the first entry.
     *
     * @throws org.communitykiosk.api.InvalidInputException bad duration, date, category, overlap, unknown resident
     */
    HoursEntry log(HoursDraft draft, Actor by);

    /** Staff confirm a pending entry; points are credited. */
    HoursEntry confirm(long entryId, Actor staff);

    /** The resident served confirms by tapping their card: only for an entry naming them. */
    HoursEntry confirmByServed(long entryId, long tappedResidentId);

    /** Staff reject a pending entry with a reason (shown to the volunteer). */
    HoursEntry reject(long entryId, String reason, Actor staff);

    /** Confirms each pending entry of the list (each in its own transaction); returns how many were confirmed. */
    int confirmAll(List<Long> entryIds, Actor staff);

    /**
     * A team activity logged once for many volunteers and confirmed by staff: per volunteer one entry from the
     * template (its volunteer id is ignored), logged and confirmed in one transaction, so one volunteer's problem
     * (an overlap) does not stop the others. Key per volunteer {@code <teamKey>:<volunteer id>}: a repeat logs nobody
     * twice.
     */
    List<TeamResult> logTeam(HoursDraft template, List<Long> volunteerIds, String teamKey, Actor staff);

    /** One volunteer's outcome of a team activity: the confirmed entry, or why not. */
    record TeamResult(long volunteerId, HoursEntry entry, org.communitykiosk.api.InvalidInputException refused) {

        public boolean logged() {
            return entry != null;
        }
    }

    Optional<HoursEntry> entry(long id);

    /** Pending entries, oldest first. */
    List<HoursEntry> pending(int offset, int limit);

    /** A volunteer's entries, newest first. */
    List<HoursEntry> entries(long volunteerId, int offset, int limit);

    /** Confirmed minutes of the volunteer: in the year and overall. */
    Totals totals(long volunteerId, int year);

    /** The month's volunteers by confirmed minutes, names masked, without those who opted out. */
    List<BoardLine> board(YearMonth month, int limit);

    /** Confirmed service per month and category with service dates in [from, until), by month then category. */
    List<ReportRow> report(java.time.LocalDate from, java.time.LocalDate until);

    /** Confirmed service per organisation with service dates in [from, until); service without one last. */
    List<OrganisationRow> reportByOrganisation(java.time.LocalDate from, java.time.LocalDate until);

    boolean boardOptOut(long residentId);

    void setBoardOptOut(long residentId, boolean optOut, Actor by);

    /** Confirmed minutes in a year and overall. */
    record Totals(long minutesThisYear, long minutesOverall) {
    }
}
