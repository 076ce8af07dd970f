package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.internal.MeasurementProtocol.Phase;
import org.communitykiosk.bloodpressure.internal.MeasurementProtocol.Verdict;
import org.junit.jupiter.api.Test;

/** The ESH protocol driven by the simulator, as the measuring screen drives it, without a browser. */
class MeasurementProtocolTest {

    private static RecordingListener recorder() {
        return new RecordingListener(Duration.ofSeconds(5));
    }

    /** Runs the protocol against a scripted simulator; returns the verdicts and the other events. */
    private static List<Object> run(MeasurementProtocol protocol, String script) throws InterruptedException {
        SimulatedMonitor monitor = new SimulatedMonitor(SimulatedMonitor.parse(script), 1);
        List<Object> seen = new ArrayList<>();
        try {
            assertEquals(Phase.REST, protocol.phase());
            protocol.restDone();
            while (protocol.phase() != Phase.DONE) {
                RecordingListener recorder = recorder();
                monitor.start(recorder);
                Object event = recorder.next();
                if (event instanceof Measurement m) {
                    Verdict verdict = protocol.accept(m);
                    seen.add(verdict);
                    if (verdict == Verdict.PAUSE) {
                        protocol.pauseDone();
                    }
                } else {
                    seen.add(event);
                }
                if (seen.size() > 10) {
                    break;
                }
            }
        } finally {
            monitor.close();
        }
        return seen;
    }

    @Test
    void twoCloseReadingsGiveTheirMean() throws InterruptedException {
        MeasurementProtocol protocol = new MeasurementProtocol();
        assertEquals(List.of(Verdict.PAUSE, Verdict.DONE), run(protocol, "132/84/72;125/79/69"));
        assertEquals(new ReadingDraft(129, 82, 71, Reading.Source.DEVICE), protocol.result()); // 128.5, 81.5, 70.5
    }

    @Test
    void readingsMoreThanTenApartNeedAThirdAndTheLastTwoCount() throws InterruptedException {
        MeasurementProtocol protocol = new MeasurementProtocol();
        assertEquals(List.of(Verdict.PAUSE, Verdict.PAUSE, Verdict.DONE), run(protocol, "150/90/80;139/88/70;135/85/68"));
        assertEquals(new ReadingDraft(137, 87, 69, Reading.Source.DEVICE), protocol.result());
        assertEquals(3, protocol.taken().size());
    }

    @Test
    void exactlyTenApartNeedsNoThird() throws InterruptedException {
        MeasurementProtocol protocol = new MeasurementProtocol();
        assertEquals(List.of(Verdict.PAUSE, Verdict.DONE), run(protocol, "140/90/70;130/80/70"));
        assertEquals(new ReadingDraft(135, 85, 70, Reading.Source.DEVICE), protocol.result());
        MeasurementProtocol diastolic = new MeasurementProtocol();
        assertEquals(List.of(Verdict.PAUSE, Verdict.PAUSE, Verdict.DONE),
                run(diastolic, "130/91/70;130/80/70;131/81/70"));
    }

    @Test
    void statusBitsAskForTheSameReadingAgain() throws InterruptedException {
        MeasurementProtocol protocol = new MeasurementProtocol();
        // movement, loose cuff, irregular pulse: repeat; improper position (32) and pulse range (8) alone: counted
        List<Object> seen = run(protocol, "130/80/70:1;130/80/70:2;130/80/70:4;130/80/70:32;128/78/70:8");
        assertEquals(List.of(Verdict.REPEAT_STATUS, Verdict.REPEAT_STATUS, Verdict.REPEAT_STATUS, Verdict.PAUSE,
                Verdict.DONE), seen);
        assertEquals(new ReadingDraft(129, 79, 70, Reading.Source.DEVICE), protocol.result());
    }

    @Test
    void disconnectAndGarbageAreReportedAndNothingIsCounted() throws InterruptedException {
        MeasurementProtocol protocol = new MeasurementProtocol();
        List<Object> seen = run(protocol, "disconnect;garbage;120/80/60;118/78/62");
        assertEquals(List.of("disconnected", DecodeFailure.TRUNCATED, Verdict.PAUSE, Verdict.DONE), seen);
        assertEquals(new ReadingDraft(119, 79, 61, Reading.Source.DEVICE), protocol.result());
    }

    @Test
    void stoppedMeasurementIsNeverDelivered() throws InterruptedException {
        SimulatedMonitor monitor = new SimulatedMonitor(SimulatedMonitor.parse("120/80/60"), 50);
        try {
            RecordingListener first = recorder();
            monitor.start(first);
            monitor.stop();
            RecordingListener second = recorder();
            monitor.start(second);
            assertTrue(second.next() instanceof Measurement);
            assertEquals(null, first.outcomes.poll(100, TimeUnit.MILLISECONDS));
        } finally {
            monitor.close();
        }
    }

    @Test
    void restAndPauseOnlyEndInTheirPhase() {
        MeasurementProtocol protocol = new MeasurementProtocol();
        protocol.pauseDone();
        assertEquals(Phase.REST, protocol.phase());
        protocol.restDone();
        assertEquals(Phase.MEASURE, protocol.phase());
        assertEquals(1, protocol.readingNumber());
        protocol.accept(Measurement.of(120, 80, 70, org.communitykiosk.bloodpressure.device.MeasurementStatus.NONE));
        assertEquals(Phase.PAUSE, protocol.phase());
        assertEquals(2, protocol.readingNumber());
        protocol.restDone();
        assertEquals(Phase.PAUSE, protocol.phase());
    }
}
