package org.communitykiosk.bloodpressure.device;

import java.util.OptionalDouble;

/**
 * IEEE-11073 16-bit SFLOAT: a 4-bit signed exponent (base 10) and a 12-bit signed mantissa. The mantissas 0x07FE
 * (+INF), 0x07FF (NaN), 0x0800 (NRes), 0x0801 (reserved) and 0x0802 (-INF) are "no valid value"; like common BLE
 * stacks we treat them as such whatever the exponent, so that no such bit pattern ever turns into a number.
 */
public final class SFloat {

    public static final int POSITIVE_INFINITY = 0x07FE;
    public static final int NAN = 0x07FF;
    public static final int NRES = 0x0800;
    public static final int RESERVED = 0x0801;
    public static final int NEGATIVE_INFINITY = 0x0802;

    private static final double[] POWERS = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };

    private SFloat() {
    }

    /** @param raw the 16 bits, little-endian already combined; higher bits are ignored */
    public static OptionalDouble decode(int raw) {
        int bits = raw & 0xFFFF;
        int mantissaBits = bits & 0x0FFF;
        if (mantissaBits >= POSITIVE_INFINITY && mantissaBits <= NEGATIVE_INFINITY) {
            return OptionalDouble.empty();
        }
        int mantissa = mantissaBits >= 0x0800 ? mantissaBits - 0x1000 : mantissaBits;
        int exponent = bits >> 12;
        if (exponent >= 8) {
            exponent -= 16;
        }
        // dividing by an exact power of ten rounds once, so 1205e-1 is exactly the double nearest 120.5
        double value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
        return OptionalDouble.of(value);
    }

    /** The SFLOAT for {@code mantissa * 10^exponent}; for tests and simulated records. */
    public static int encode(int mantissa, int exponent) {
        if (mantissa < -2048 || mantissa > 2047 || exponent < -8 || exponent > 7) {
            throw new IllegalArgumentException("mantissa or exponent out of range");
        }
        return (exponent & 0x0F) << 12 | mantissa & 0x0FFF;
    }
}
