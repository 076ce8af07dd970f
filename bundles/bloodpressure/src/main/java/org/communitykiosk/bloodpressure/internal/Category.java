package org.communitykiosk.bloodpressure.internal;

/**
 * A blood-pressure category of one of the guidelines, with its severity (for "the higher category applies"), whether
 * it counts as hypertension (grade 1 or higher, for the staff's "three in a row" list) and the colour it is shown in,
 * always next to its name in words.
 */
enum Category {
    // China 2018
    CN_NORMAL(0, false, Colour.GREEN),
    CN_HIGH_NORMAL(1, false, Colour.YELLOW),
    CN_GRADE_1(2, true, Colour.ORANGE),
    CN_ISOLATED_SYSTOLIC(2, true, Colour.ORANGE),
    CN_GRADE_2(3, true, Colour.RED),
    CN_GRADE_3(4, true, Colour.DARK_RED),
    // ACC/AHA 2017
    ACC_NORMAL(0, false, Colour.GREEN),
    ACC_ELEVATED(1, false, Colour.YELLOW),
    ACC_STAGE_1(2, true, Colour.ORANGE),
    ACC_STAGE_2(3, true, Colour.RED),
    ACC_CRISIS(4, true, Colour.DARK_RED),
    // ESH 2023
    ESH_OPTIMAL(0, false, Colour.GREEN),
    ESH_NORMAL(1, false, Colour.GREEN),
    ESH_HIGH_NORMAL(2, false, Colour.YELLOW),
    ESH_GRADE_1(3, true, Colour.ORANGE),
    ESH_ISOLATED_SYSTOLIC(3, true, Colour.ORANGE),
    ESH_GRADE_2(4, true, Colour.RED),
    ESH_GRADE_3(5, true, Colour.DARK_RED);

    /** Background colours with dark text on them (contrast above 4.5:1); the name in words is always shown too. */
    enum Colour {
        GREEN("#b7e4c7"), YELLOW("#ffe08a"), ORANGE("#ffc09f"), RED("#ff9b9b"), DARK_RED("#8b0000");

        final String css;

        Colour(String css) {
            this.css = css;
        }

        /** Text colour on this background. */
        String text() {
            return this == DARK_RED ? "#ffffff" : "#1a1a1a";
        }
    }

    final int severity;
    final boolean hypertensive;
    final Colour colour;

    Category(int severity, boolean hypertensive, Colour colour) {
        this.severity = severity;
        this.hypertensive = hypertensive;
        this.colour = colour;
    }

    /** Translation key of the category's name. */
    String key() {
        return "bloodpressure.category." + name();
    }

    /** For a stored name; {@code null} for a name this version does not know. */
    static Category parse(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
