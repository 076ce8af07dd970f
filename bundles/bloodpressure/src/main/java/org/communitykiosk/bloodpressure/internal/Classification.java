package org.communitykiosk.bloodpressure.internal;

/**
 * A reading classified by a guideline.
 *
 * @param crisis systolic at least 180 or diastolic at least 110: "please see a doctor now" and an alert for staff
 */
record Classification(Guideline guideline, Category category, boolean crisis) {

    static final double CRISIS_SYSTOLIC = 180;
    static final double CRISIS_DIASTOLIC = 110;

    /**
     * Classifies a reading in mmHg. Where systolic and diastolic fall into different categories the higher applies.
     */
    static Classification of(Guideline guideline, double systolic, double diastolic) {
        Category category = switch (guideline) {
            case CHINA_2018 -> china(systolic, diastolic);
            case ACC_AHA_2017 -> accAha(systolic, diastolic);
            case ESH_2023 -> esh(systolic, diastolic);
        };
        return new Classification(guideline, category,
                systolic >= CRISIS_SYSTOLIC || diastolic >= CRISIS_DIASTOLIC);
    }

    private static Category china(double s, double d) {
        Category bySystolic = s >= 180 ? Category.CN_GRADE_3 : s >= 160 ? Category.CN_GRADE_2
                : s >= 140 ? Category.CN_GRADE_1 : s >= 120 ? Category.CN_HIGH_NORMAL : Category.CN_NORMAL;
        Category byDiastolic = d >= 110 ? Category.CN_GRADE_3 : d >= 100 ? Category.CN_GRADE_2
                : d >= 90 ? Category.CN_GRADE_1 : d >= 80 ? Category.CN_HIGH_NORMAL : Category.CN_NORMAL;
        Category higher = higher(bySystolic, byDiastolic);
        // isolated systolic hypertension: high systolic with a diastolic below 90, named as such unless grade 2 or 3
        if (s >= 140 && d < 90 && higher == Category.CN_GRADE_1) {
            return Category.CN_ISOLATED_SYSTOLIC;
        }
        return higher;
    }

    private static Category accAha(double s, double d) {
        if (s > 180 || d > 120) {
            return Category.ACC_CRISIS;
        }
        if (s >= 140 || d >= 90) {
            return Category.ACC_STAGE_2;
        }
        if (s >= 130 || d >= 80) {
            return Category.ACC_STAGE_1;
        }
        if (s >= 120) {
            return Category.ACC_ELEVATED;
        }
        return Category.ACC_NORMAL;
    }

    private static Category esh(double s, double d) {
        Category bySystolic = s >= 180 ? Category.ESH_GRADE_3 : s >= 160 ? Category.ESH_GRADE_2
                : s >= 140 ? Category.ESH_GRADE_1 : s >= 130 ? Category.ESH_HIGH_NORMAL
                        : s >= 120 ? Category.ESH_NORMAL : Category.ESH_OPTIMAL;
        Category byDiastolic = d >= 110 ? Category.ESH_GRADE_3 : d >= 100 ? Category.ESH_GRADE_2
                : d >= 90 ? Category.ESH_GRADE_1 : d >= 85 ? Category.ESH_HIGH_NORMAL
                        : d >= 80 ? Category.ESH_NORMAL : Category.ESH_OPTIMAL;
        Category higher = higher(bySystolic, byDiastolic);
        if (s >= 140 && d < 90 && higher == Category.ESH_GRADE_1) {
            return Category.ESH_ISOLATED_SYSTOLIC;
        }
        return higher;
    }

    private static Category higher(Category a, Category b) {
        return b.severity > a.severity ? b : a;
    }
}
