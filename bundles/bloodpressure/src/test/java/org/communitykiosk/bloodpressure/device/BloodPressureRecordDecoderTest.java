package org.communitykiosk.bloodpressure.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.DecodeResult.Decoded;
import org.communitykiosk.bloodpressure.device.DecodeResult.Failed;
import org.junit.jupiter.api.Test;

/** Hand-built records for every flag combination, both units, the reserved values, truncation and random bytes. */
class BloodPressureRecordDecoderTest {

    private static final int[] RESERVED =
            { SFloat.NAN, SFloat.NRES, SFloat.POSITIVE_INFINITY, SFloat.NEGATIVE_INFINITY, SFloat.RESERVED };

    /** A record built field by field, little-endian. */
    static final class RecordBuilder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        RecordBuilder u8(int value) {
            out.write(value);
            return this;
        }

        RecordBuilder u16(int value) {
            out.write(value & 0xFF);
            out.write(value >> 8 & 0xFF);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** A record with every optional field the flags ask for, with known values. */
    static byte[] record(int flags) {
        boolean kpa = (flags & 0x01) != 0;
        RecordBuilder b = new RecordBuilder().u8(flags);
        if (kpa) {
            b.u16(SFloat.encode(176, -1)).u16(SFloat.encode(107, -1)).u16(SFloat.encode(130, -1)); // 17.6/10.7/13.0
        } else {
            b.u16(SFloat.encode(132, 0)).u16(SFloat.encode(80, 0)).u16(SFloat.encode(97, 0));
        }
        if ((flags & 0x02) != 0) {
            b.u16(2025).u8(6).u8(2).u8(9).u8(30).u8(15);
        }
        if ((flags & 0x04) != 0) {
            b.u16(SFloat.encode(72, 0));
        }
        if ((flags & 0x08) != 0) {
            b.u8(3);
        }
        if ((flags & 0x10) != 0) {
            b.u16(0b1_10_101); // movement, irregular pulse, pulse below lower limit, improper position
        }
        return b.bytes();
    }

    static Measurement decoded(byte[] record) {
        DecodeResult result = BloodPressureRecordDecoder.decode(record);
        return assertInstanceOf(Decoded.class, result, () -> result.toString()).measurement();
    }

    @Test
    void everyFlagCombinationDecodesItsFields() {
        for (int flags = 0; flags < 32; flags++) {
            Measurement m = decoded(record(flags));
            String f = "flags " + flags;
            if ((flags & 0x01) != 0) {
                assertEquals(PressureUnit.KPA, m.unit(), f);
                assertEquals(17.6, m.systolic().getAsDouble(), 1e-9, f);
                assertEquals(10.7, m.diastolic().getAsDouble(), 1e-9, f);
                assertEquals(13.0, m.meanArterial().getAsDouble(), 1e-9, f);
                assertEquals(132.011, m.systolicMmHg().getAsDouble(), 0.001, f);
                assertEquals(80.257, m.diastolicMmHg().getAsDouble(), 0.001, f);
            } else {
                assertEquals(PressureUnit.MMHG, m.unit(), f);
                assertEquals(132, m.systolic().getAsDouble(), f);
                assertEquals(80, m.diastolic().getAsDouble(), f);
                assertEquals(97, m.meanArterial().getAsDouble(), f);
                assertEquals(132, m.systolicMmHg().getAsDouble(), f);
            }
            assertEquals((flags & 0x02) != 0 ? Optional.of(LocalDateTime.of(2025, 6, 2, 9, 30, 15)) : Optional.empty(),
                    m.timeStamp(), f);
            assertEquals((flags & 0x04) != 0 ? OptionalDouble.of(72) : OptionalDouble.empty(), m.pulseRate(), f);
            assertEquals((flags & 0x08) != 0 ? OptionalInt.of(3) : OptionalInt.empty(), m.userId(), f);
            MeasurementStatus status = m.status();
            if ((flags & 0x10) != 0) {
                assertEquals(new MeasurementStatus(true, false, true, PulseRange.BELOW_LOWER, true), status, f);
                assertTrue(status.needsRepeat(), f);
            } else {
                assertEquals(MeasurementStatus.NONE, status, f);
            }
            assertTrue(m.complete(), f);
            assertFalse(m.intermediate(), f);
            assertFalse(m.toString().contains("132"), "no values in toString");
        }
    }

    @Test
    void reservedFlagBitsAreIgnored() {
        byte[] record = record(0x1F);
        record[0] = (byte) 0xFF;
        assertEquals(decoded(record(0x1F)), decoded(record));
    }

    @Test
    void intermediateCuffPressureHasTheSameLayout() {
        DecodeResult result = BloodPressureRecordDecoder.decode(record(0x04), true);
        Measurement m = assertInstanceOf(Decoded.class, result).measurement();
        assertTrue(m.intermediate());
        assertEquals(132, m.systolic().getAsDouble());
    }

    @Test
    void everyReservedValueIsNoValueInEveryField() {
        for (int unit = 0; unit < 2; unit++) {
            for (int reserved : RESERVED) {
                for (int field = 0; field < 4; field++) {
                    int flags = unit | 0x04;
                    byte[] record = record(flags);
                    int offset = field < 3 ? 1 + 2 * field : 7;
                    record[offset] = (byte) reserved;
                    record[offset + 1] = (byte) (reserved >> 8);
                    Measurement m = decoded(record);
                    OptionalDouble value = switch (field) {
                        case 0 -> m.systolic();
                        case 1 -> m.diastolic();
                        case 2 -> m.meanArterial();
                        default -> m.pulseRate();
                    };
                    assertTrue(value.isEmpty(), "reserved " + Integer.toHexString(reserved) + " field " + field);
                    assertEquals(field >= 2, m.complete());
                }
            }
        }
    }

    @Test
    void sfloatValues() {
        assertEquals(OptionalDouble.of(120.5), SFloat.decode(SFloat.encode(1205, -1)));
        assertEquals(OptionalDouble.of(-3), SFloat.decode(SFloat.encode(-3, 0)));
        assertEquals(OptionalDouble.of(2000), SFloat.decode(SFloat.encode(2, 3)));
        assertEquals(OptionalDouble.of(0.0072), SFloat.decode(0xC048));
        assertEquals(OptionalDouble.of(2045e7), SFloat.decode(SFloat.encode(2045, 7)));
        assertEquals(OptionalDouble.of(-2000e-8), SFloat.decode(SFloat.encode(-2000, -8)));
        for (int reserved : RESERVED) {
            assertTrue(SFloat.decode(reserved).isEmpty());
            // the reserved mantissas carry no value whatever the exponent
            assertTrue(SFloat.decode(0xF000 | reserved).isEmpty());
        }
        assertEquals(OptionalDouble.of(2045), SFloat.decode(0x07FD));
        assertEquals(OptionalDouble.of(-2045), SFloat.decode(0x0803));
    }

    @Test
    void truncatedAtEveryLengthIsATypedFailure() {
        for (int flags = 0; flags < 32; flags++) {
            byte[] full = record(flags);
            for (int length = 0; length < full.length; length++) {
                byte[] cut = java.util.Arrays.copyOf(full, length);
                DecodeResult result = BloodPressureRecordDecoder.decode(cut);
                Failed failed = assertInstanceOf(Failed.class, result, "flags " + flags + " length " + length);
                assertEquals(length == 0 ? DecodeFailure.EMPTY : DecodeFailure.TRUNCATED, failed.reason());
            }
            byte[] longer = java.util.Arrays.copyOf(full, full.length + 1);
            assertEquals(DecodeFailure.TRAILING_BYTES,
                    assertInstanceOf(Failed.class, BloodPressureRecordDecoder.decode(longer)).reason());
        }
        assertEquals(DecodeFailure.EMPTY, ((Failed) BloodPressureRecordDecoder.decode(null)).reason());
    }

    @Test
    void impossibleTimeStampsAreRefused() {
        int[][] bad = { { 2025, 13, 1, 0, 0, 0 }, { 2025, 2, 30, 0, 0, 0 }, { 2025, 6, 2, 24, 0, 0 },
                { 2025, 6, 2, 9, 60, 0 }, { 2025, 6, 2, 9, 0, 60 }, { 1000, 6, 2, 9, 0, 0 }, { 0, 13, 0, 0, 0, 0 } };
        for (int[] t : bad) {
            byte[] record = new RecordBuilder().u8(0x02).u16(132).u16(80).u16(97).u16(t[0]).u8(t[1]).u8(t[2])
                    .u8(t[3]).u8(t[4]).u8(t[5]).bytes();
            assertEquals(DecodeFailure.INVALID_TIME_STAMP,
                    assertInstanceOf(Failed.class, BloodPressureRecordDecoder.decode(record)).reason());
        }
        // year, month or day 0 means "not known": a reading without a time stamp
        byte[] unknown = new RecordBuilder().u8(0x02).u16(132).u16(80).u16(97).u16(0).u8(0).u8(0).u8(0).u8(0).u8(0)
                .bytes();
        assertEquals(Optional.empty(), decoded(unknown).timeStamp());
    }

    @Test
    void implausibleValuesRefuseTheRecord() {
        int[] bad = { SFloat.encode(-1, 0), SFloat.encode(401, 0), SFloat.encode(5, 2), SFloat.encode(54, 0) };
        for (int unit = 0; unit < 2; unit++) {
            for (int value : bad) {
                if (unit == 0 && value == SFloat.encode(54, 0)) {
                    continue; // 54 mmHg is fine, 54 kPa (405 mmHg) is not
                }
                byte[] record = record(unit);
                record[1] = (byte) value;
                record[2] = (byte) (value >> 8);
                assertEquals(DecodeFailure.IMPLAUSIBLE_VALUE,
                        assertInstanceOf(Failed.class, BloodPressureRecordDecoder.decode(record)).reason());
            }
        }
        byte[] pulse = new RecordBuilder().u8(0x04).u16(132).u16(80).u16(97).u16(SFloat.encode(301, 0)).bytes();
        assertEquals(DecodeFailure.IMPLAUSIBLE_VALUE,
                assertInstanceOf(Failed.class, BloodPressureRecordDecoder.decode(pulse)).reason());
    }

    @Test
    void statusBits() {
        assertEquals(PulseRange.WITHIN, MeasurementStatus.fromBits(0).pulseRange());
        assertEquals(PulseRange.EXCEEDS_UPPER, MeasurementStatus.fromBits(0x08).pulseRange());
        assertEquals(PulseRange.BELOW_LOWER, MeasurementStatus.fromBits(0x10).pulseRange());
        assertEquals(PulseRange.RESERVED, MeasurementStatus.fromBits(0x18).pulseRange());
        assertTrue(MeasurementStatus.fromBits(0x02).cuffTooLoose());
        assertTrue(MeasurementStatus.fromBits(0x02).needsRepeat());
        assertFalse(MeasurementStatus.fromBits(0x20 | 0x08 | 0xFFC0).needsRepeat());
        for (int bits = 0; bits < 64; bits++) {
            assertEquals(bits, MeasurementStatus.fromBits(bits).toBits());
        }
    }

    /** 100,000 random records (seeded): no exception escapes and every value is absent or physically possible. */
    @Test
    void fuzz() {
        SplittableRandom random = new SplittableRandom(20250602L);
        int decodedCount = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes;
            if (random.nextBoolean()) {
                bytes = new byte[random.nextInt(24)];
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = (byte) random.nextInt(256);
                }
            } else {
                // a well-formed length for random flags, so that the value checks are reached often
                int flags = random.nextInt(256);
                bytes = new byte[BloodPressureRecordDecoder.expectedLength(flags)];
                for (int j = 1; j < bytes.length; j++) {
                    bytes[j] = (byte) random.nextInt(256);
                }
                bytes[0] = (byte) flags;
                if (random.nextBoolean()) {
                    // small exponents and mantissas, so that many records hold plausible values
                    for (int j = 2; j < bytes.length; j += 2) {
                        bytes[j] &= 0x01;
                    }
                }
            }
            DecodeResult result = BloodPressureRecordDecoder.decode(bytes);
            if (result instanceof Decoded d) {
                decodedCount++;
                Measurement m = d.measurement();
                for (OptionalDouble p : new OptionalDouble[] { m.systolicMmHg(), m.diastolicMmHg(),
                        m.meanArterialMmHg() }) {
                    p.ifPresent(v -> assertTrue(v >= 0 && v <= 400 && Double.isFinite(v), "pressure " + v));
                }
                m.pulseRate().ifPresent(v -> assertTrue(v >= 0 && v <= 300, "pulse " + v));
                m.userId().ifPresent(v -> assertTrue(v >= 0 && v <= 255));
                m.timeStamp().ifPresent(t -> assertTrue(t.getYear() >= 1582 && t.getYear() <= 65535));
            }
        }
        assertTrue(decodedCount > 1_000, "decoded " + decodedCount);
    }
}
