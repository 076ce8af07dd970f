package org.communitykiosk.deliberation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;

/**
 * Matters residents raise, sorted by staff (三事分流) and supported by residents. Every write is one audited
 * transaction; refused input is an {@link InvalidInputException} with nothing written.
 */
public interface Matters {

    enum Category { ENVIRONMENT, SAFETY, FACILITIES, NEIGHBOURS, SERVICES, OTHER }

    /** 三事分流: big matters go to a government department, small ones to the council, private ones to mediation. */
    enum Route { BIG, SMALL, PRIVATE }

    enum State {
        /** Waiting for staff to sort it. */
        RAISED,
        /** Referred to a department (big) or to mediation or a service (private). */
        REFERRED,
        /** A small matter for the council, collecting support. */
        COUNCIL,
        /** Enough support: on the next council agenda. */
        AGENDA,
        CLOSED
    }

    record MatterDraft(String title, String description, Category category, String location) {
    }

    /** @param raisedBy resident id (shown to staff only) */
    record Matter(long id, String title, String description, Category category, String location, long raisedBy,
            Instant raisedAt, Route route, String referredTo, String reason, State state, int supports) {
    }

    Matter raise(MatterDraft draft, Resident by);

    /** Every matter, newest first. */
    List<Matter> all();

    Optional<Matter> byId(long id);

    /**
     * Sorts a raised matter. Big and private matters name where they are referred to; every route gives a reason.
     */
    Matter triage(long id, Route route, String referredTo, String reason, Actor by);

    /** One support per resident, on small matters; reaching the threshold puts the matter on the agenda. */
    Matter support(long id, Resident by);

    Matter close(long id, Actor by);

    /** Supports that put a small matter on the agenda. */
    int supportThreshold();
}
