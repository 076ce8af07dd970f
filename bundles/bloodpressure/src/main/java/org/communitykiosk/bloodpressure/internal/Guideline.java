package org.communitykiosk.bloodpressure.internal;

/** The hypertension guideline a station classifies by (setting {@code guideline}). */
enum Guideline {
    /** Chinese guidelines for the management of hypertension, 2018 revision (the default). */
    CHINA_2018,
    /** 2017 ACC/AHA guideline. */
    ACC_AHA_2017,
    /** 2023 ESH guidelines. */
    ESH_2023;

    /** The setting's value, case-insensitive; the default for an unknown value. */
    static Guideline parse(String value) {
        for (Guideline g : values()) {
            if (g.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return g;
            }
        }
        return CHINA_2018;
    }
}
