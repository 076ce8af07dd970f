package org.communitykiosk.bloodpressure.internal;

import java.time.Instant;

/**
 * A reading staff must follow up: a crisis reading, or the third hypertensive reading in a row.
 *
 * @param reading the reading that raised it
 * @param acknowledgedAt {@code null} while open
 */
record Alert(long id, long residentId, Kind kind, Reading reading, Instant createdAt, Instant acknowledgedAt,
        String acknowledgedBy, String note) {

    enum Kind {
        CRISIS, CONSECUTIVE;

        String key() {
            return "bloodpressure.alerts.kind." + name();
        }
    }

    boolean open() {
        return acknowledgedAt == null;
    }

    @Override
    public String toString() {
        return "Alert#" + id;
    }
}
