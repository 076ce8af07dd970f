package org.communitykiosk.bloodpressure.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.device.MeasurementStatus;
import org.communitykiosk.bloodpressure.device.PulseRange;

/**
 * Reads a monitor's text line with the configured regular expression: named groups {@code sys} and {@code dia}
 * (required), {@code pulse} and {@code irregular} (optional). A line that does not match is not a reading (monitors
 * print other lines too); a match with numbers outside 0-400 mmHg or a pulse outside 0-300 is no reading either.
 */
final class LinePattern {

    static final String DEFAULT =
            "(?<sys>\\d{2,3})\\s*/\\s*(?<dia>\\d{2,3})(?:\\D+(?<pulse>\\d{2,3}))?(?<irregular>\\s*IHB)?";

    private final Pattern pattern;

    private LinePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @return empty when the expression does not compile or lacks the groups {@code sys} and {@code dia} */
    static Optional<LinePattern> compile(String regex) {
        try {
            Pattern pattern = Pattern.compile(regex == null ? "" : regex);
            String p = pattern.pattern();
            if (!p.contains("(?<sys>") || !p.contains("(?<dia>")) {
                return Optional.empty();
            }
            return Optional.of(new LinePattern(pattern));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    Optional<Measurement> parse(String line) {
        if (line == null || line.length() > 256) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            int systolic = Integer.parseInt(m.group("sys"));
            int diastolic = Integer.parseInt(m.group("dia"));
            String pulseText = group(m, "pulse");
            String irregular = group(m, "irregular");
            int pulse = pulseText == null ? -1 : Integer.parseInt(pulseText);
            if (systolic > 400 || diastolic > 400 || pulse > 300) {
                return Optional.empty();
            }
            MeasurementStatus status = new MeasurementStatus(false, false, irregular != null && !irregular.isBlank(),
                    PulseRange.WITHIN, false);
            Measurement measurement = Measurement.of(systolic, diastolic, pulse, status);
            return Optional.of(pulse < 0 ? new Measurement(measurement.systolic(), measurement.diastolic(),
                    measurement.meanArterial(), measurement.unit(), measurement.timeStamp(),
                    java.util.OptionalDouble.empty(), measurement.userId(), status, false) : measurement);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            return Optional.empty();
        }
    }

    /** A named group's text, or {@code null} when the pattern has no such group or it did not take part. */
    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
