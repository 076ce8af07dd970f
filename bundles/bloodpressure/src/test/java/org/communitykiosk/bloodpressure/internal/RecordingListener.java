package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.device.MonitorListener;

/**
 * What a screen would be told by a monitor driver: the outcomes in order (a {@link Measurement}, a
 * {@link DecodeFailure} or {@link #DISCONNECTED}) and, apart, the cuff pressures.
 */
final class RecordingListener implements MonitorListener {

    static final Object DISCONNECTED = "disconnected";
    final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
    final List<Double> cuffs = new CopyOnWriteArrayList<>();
    private final Duration within;

    /** @param within how long {@link #next} waits for an outcome */
    RecordingListener(Duration within) {
        this.within = within;
    }

    Object next() throws InterruptedException {
        Object outcome = outcomes.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(outcome, "an outcome within " + within.toSeconds() + " s");
        return outcome;
    }

    @Override
    public void reading(Measurement measurement) {
        outcomes.add(measurement);
    }

    @Override
    public void cuffPressure(double mmHg) {
        cuffs.add(mmHg);
    }

    @Override
    public void failed(DecodeFailure reason) {
        outcomes.add(reason);
    }

    @Override
    public void disconnected() {
        outcomes.add(DISCONNECTED);
    }
}
