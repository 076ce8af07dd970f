package org.communitykiosk.points.internal;

/**
 * One volunteer on the monthly board (志愿之星).
 *
 * @param maskedName the name with all but the first character masked (张**)
 */
record BoardLine(int rank, String maskedName, long minutes) {

    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
