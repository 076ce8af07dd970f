package org.communitykiosk.api.backup;

import java.util.Locale;
import java.util.Optional;

/**
 * A plugin's reason to keep a backup from being taken now (for example: a secret vote is open, and a copy of the
 * database taken mid-poll would keep its ballots in the order they were cast). Registered as an OSGi service; the
 * platform asks every hold before a backup starts, from the staff console or the technician's shell, and refuses
 * while any holds, with its words.
 */
@FunctionalInterface
public interface BackupHold {

    /** Why a backup must wait now, in the locale's language (one sentence); empty when a backup may run. */
    Optional<String> reason(Locale locale);
}
