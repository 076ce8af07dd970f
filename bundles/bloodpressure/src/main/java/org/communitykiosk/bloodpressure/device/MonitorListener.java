package org.communitykiosk.bloodpressure.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives what a monitor reports during one measurement. Called on a driver thread: a screen must hand the call
 * over to its UI (Vaadin {@code UI.access}). Exactly one of {@link #reading}, {@link #failed} or
 * {@link #disconnected} ends a measurement.
 */
@ConsumerType
public interface MonitorListener {

    /** The final reading. */
    void reading(Measurement measurement);

    /** The cuff pressure while inflating or deflating (mmHg), for a progress display; optional. */
    default void cuffPressure(double mmHg) {
    }

    /** The monitor sent something that is not a reading (malformed or truncated record). */
    void failed(DecodeResult.DecodeFailure reason);

    /** The monitor went away before it delivered a reading. */
    void disconnected();
}
