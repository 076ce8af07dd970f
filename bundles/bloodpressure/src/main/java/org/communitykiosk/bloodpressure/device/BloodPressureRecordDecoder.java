package org.communitykiosk.bloodpressure.device;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.DecodeResult.Decoded;
import org.communitykiosk.bloodpressure.device.DecodeResult.Failed;

/**
 * Decodes the Bluetooth Blood Pressure Measurement record (service 0x1810, characteristic 0x2A35; the same layout for
 * Intermediate Cuff Pressure, 0x2A36):
 *
 * <pre>
 * flags      uint8   bit 0 unit (0 mmHg, 1 kPa), bit 1 time stamp, bit 2 pulse rate, bit 3 user id,
 *                    bit 4 measurement status; bits 5-7 reserved (ignored)
 * systolic   SFLOAT
 * diastolic  SFLOAT
 * MAP        SFLOAT
 * time stamp 7 bytes if bit 1: year uint16 LE (0 = unknown), month, day (0 = unknown), hours, minutes, seconds
 * pulse rate SFLOAT  if bit 2
 * user id    uint8   if bit 3 (255 = unknown user)
 * status     uint16  if bit 4
 * </pre>
 *
 * Stateless and thread-safe; never throws for any input (a {@code null} array is {@link DecodeFailure#EMPTY}).
 * A value that is present but outside what a body can produce (pressure outside 0-400 mmHg, pulse outside 0-300 per
 * minute) refuses the whole record: a corrupt record must not become a reading.
 */
public final class BloodPressureRecordDecoder {

    /** Plausible limits; a real reading is far inside them. */
    public static final double MAX_PRESSURE_MMHG = 400;
    public static final double MAX_PULSE = 300;

    public static final int FLAG_KPA = 0x01;
    public static final int FLAG_TIME_STAMP = 0x02;
    public static final int FLAG_PULSE_RATE = 0x04;
    public static final int FLAG_USER_ID = 0x08;
    public static final int FLAG_STATUS = 0x10;

    private BloodPressureRecordDecoder() {
    }

    /** The record length the flags announce. */
    public static int expectedLength(int flags) {
        return 7 + ((flags & FLAG_TIME_STAMP) != 0 ? 7 : 0) + ((flags & FLAG_PULSE_RATE) != 0 ? 2 : 0)
                + ((flags & FLAG_USER_ID) != 0 ? 1 : 0) + ((flags & FLAG_STATUS) != 0 ? 2 : 0);
    }

    /** A 0x2A35 measurement. */
    public static DecodeResult decode(byte[] record) {
        return decode(record, false);
    }

    /** @param intermediate whether the record came from 0x2A36 (intermediate cuff pressure) */
    public static DecodeResult decode(byte[] record, boolean intermediate) {
        if (record == null || record.length == 0) {
            return new Failed(DecodeFailure.EMPTY, 0);
        }
        int flags = record[0] & 0xFF;
        int expected = expectedLength(flags);
        if (record.length < expected) {
            return new Failed(DecodeFailure.TRUNCATED, record.length);
        }
        if (record.length > expected) {
            return new Failed(DecodeFailure.TRAILING_BYTES, expected);
        }
        PressureUnit unit = (flags & FLAG_KPA) != 0 ? PressureUnit.KPA : PressureUnit.MMHG;
        OptionalDouble systolic = SFloat.decode(uint16(record, 1));
        OptionalDouble diastolic = SFloat.decode(uint16(record, 3));
        OptionalDouble map = SFloat.decode(uint16(record, 5));
        for (OptionalDouble pressure : new OptionalDouble[] { systolic, diastolic, map }) {
            if (!plausible(pressure, unit, MAX_PRESSURE_MMHG)) {
                return new Failed(DecodeFailure.IMPLAUSIBLE_VALUE, 1);
            }
        }
        int offset = 7;
        Optional<LocalDateTime> timeStamp = Optional.empty();
        if ((flags & FLAG_TIME_STAMP) != 0) {
            int year = uint16(record, offset);
            int month = record[offset + 2] & 0xFF;
            int day = record[offset + 3] & 0xFF;
            int hours = record[offset + 4] & 0xFF;
            int minutes = record[offset + 5] & 0xFF;
            int seconds = record[offset + 6] & 0xFF;
            if (year != 0 && month != 0 && day != 0) {
                try {
                    if (year < 1582) {
                        return new Failed(DecodeFailure.INVALID_TIME_STAMP, offset);
                    }
                    timeStamp = Optional.of(LocalDateTime.of(year, month, day, hours, minutes, seconds));
                } catch (DateTimeException e) {
                    return new Failed(DecodeFailure.INVALID_TIME_STAMP, offset);
                }
            } else if (month > 12 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) {
                return new Failed(DecodeFailure.INVALID_TIME_STAMP, offset);
            }
            offset += 7;
        }
        OptionalDouble pulse = OptionalDouble.empty();
        if ((flags & FLAG_PULSE_RATE) != 0) {
            pulse = SFloat.decode(uint16(record, offset));
            if (!plausible(pulse, PressureUnit.MMHG, MAX_PULSE)) {
                return new Failed(DecodeFailure.IMPLAUSIBLE_VALUE, offset);
            }
            offset += 2;
        }
        OptionalInt userId = OptionalInt.empty();
        if ((flags & FLAG_USER_ID) != 0) {
            userId = OptionalInt.of(record[offset] & 0xFF);
            offset += 1;
        }
        MeasurementStatus status = MeasurementStatus.NONE;
        if ((flags & FLAG_STATUS) != 0) {
            status = MeasurementStatus.fromBits(uint16(record, offset));
        }
        return new Decoded(new Measurement(systolic, diastolic, map, unit, timeStamp, pulse, userId, status,
                intermediate));
    }

    private static boolean plausible(OptionalDouble value, PressureUnit unit, double max) {
        if (value.isEmpty()) {
            return true;
        }
        double v = unit.toMmHg(value.getAsDouble());
        return v >= 0 && v <= max;
    }

    private static int uint16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }
}
