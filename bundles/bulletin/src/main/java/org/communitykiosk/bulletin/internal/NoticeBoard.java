package org.communitykiosk.bulletin.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;

/**
 * The notices of this community. Every write is one transaction together with its audit entry.
 */
public interface NoticeBoard {

    /** What the public board shows: published and not expired, pinned first, then newest first. */
    List<Notice> current(LocalDate today);

    /** Every notice, unpublished and expired ones too, in board order. */
    List<Notice> all();

    Optional<Notice> byId(long id);

    /**
     * Posts a published notice.
     *
     * @throws InvalidInputException when the draft breaks a rule; nothing is written
     */
    Notice post(NoticeDraft draft, Actor by);

    /**
     * Replaces title, body, expiry and pinned flag; the published state stays as it is.
     *
     * @throws InvalidInputException when the draft breaks a rule or the notice does not exist; nothing is written
     */
    Notice edit(long id, NoticeDraft draft, Actor by);

    /**
     * Publishes or unpublishes. Asking for the state the notice already has changes and records nothing (a double
     * tap, or two staff at once).
     *
     * @throws InvalidInputException when the notice does not exist
     */
    Notice setPublished(long id, boolean published, Actor by);
}
