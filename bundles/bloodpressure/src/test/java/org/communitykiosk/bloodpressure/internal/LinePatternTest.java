package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import org.communitykiosk.bloodpressure.device.Measurement;
import org.junit.jupiter.api.Test;

/** The serial driver's line format from the settings, and the driver without a port. */
class LinePatternTest {

    private final LinePattern standard = LinePattern.compile(LinePattern.DEFAULT).orElseThrow();

    @Test
    void defaultFormatReadsValuesPulseAndIrregularMark() {
        Measurement m = standard.parse("SYS/DIA 132/84 PUL 72").orElseThrow();
        assertEquals(OptionalDouble.of(132), m.systolic());
        assertEquals(OptionalDouble.of(84), m.diastolic());
        assertEquals(OptionalDouble.of(72), m.pulseRate());
        assertFalse(m.status().needsRepeat());
        assertTrue(standard.parse("128/80 66 IHB").orElseThrow().status().irregularPulse());
        assertEquals(OptionalDouble.empty(), standard.parse("128/80").orElseThrow().pulseRate());
    }

    @Test
    void otherLinesAreNoReading() {
        assertEquals(Optional.empty(), standard.parse("MEASURING..."));
        assertEquals(Optional.empty(), standard.parse(""));
        assertEquals(Optional.empty(), standard.parse(null));
        assertEquals(Optional.empty(), standard.parse("x".repeat(300) + " 120/80"));
    }

    @Test
    void configuredFormatWithOtherGroupOrder() {
        LinePattern csv = LinePattern.compile("^R,(?<pulse>\\d+),(?<sys>\\d+),(?<dia>\\d+)$").orElseThrow();
        Measurement m = csv.parse("R,70,141,91").orElseThrow();
        assertEquals(OptionalDouble.of(141), m.systolic());
        assertEquals(OptionalDouble.of(70), m.pulseRate());
        assertEquals(Optional.empty(), csv.parse("R,70,999,91"));
    }

    @Test
    void unusablePatternsAreRefused() {
        assertEquals(Optional.empty(), LinePattern.compile("(unclosed"));
        assertEquals(Optional.empty(), LinePattern.compile("(?<sys>\\d+)/(\\d+)"));
        assertEquals(Optional.empty(), LinePattern.compile(null));
    }

    @Test
    void serialDriverWithoutAPortReportsADisconnect() throws InterruptedException {
        SerialMonitor monitor = new SerialMonitor(ScreensTest.config("serial"));
        RecordingListener listener = new RecordingListener(Duration.ofSeconds(5));
        monitor.start(listener);
        assertEquals(RecordingListener.DISCONNECTED, listener.next());
        assertEquals("serial", monitor.driver());
    }
}
