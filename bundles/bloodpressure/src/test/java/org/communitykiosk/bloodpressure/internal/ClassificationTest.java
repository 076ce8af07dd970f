package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each guideline's table at every boundary: "systolic/diastolic -> category, crisis". */
class ClassificationTest {

    private static void check(Guideline guideline, String... rows) {
        for (String row : rows) {
            String[] parts = row.split("\\s+");
            String[] pressures = parts[0].split("/");
            Classification c = Classification.of(guideline, Double.parseDouble(pressures[0]),
                    Double.parseDouble(pressures[1]));
            assertEquals(Category.valueOf(parts[1]), c.category(), guideline + " " + row);
            assertEquals(parts.length > 2 && parts[2].equals("crisis"), c.crisis(), guideline + " " + row + " crisis");
        }
    }

    @Test
    void china2018() {
        check(Guideline.CHINA_2018,
                "119/79 CN_NORMAL", "119.9/79.9 CN_NORMAL", "90/60 CN_NORMAL",
                "120/79 CN_HIGH_NORMAL", "119/80 CN_HIGH_NORMAL", "139/89 CN_HIGH_NORMAL", "139.5/70 CN_HIGH_NORMAL",
                "140/90 CN_GRADE_1", "139/90 CN_GRADE_1", "159/99 CN_GRADE_1", "150/95 CN_GRADE_1",
                // isolated systolic: at least 140 with a diastolic below 90, while the systolic is grade 1
                "140/89 CN_ISOLATED_SYSTOLIC", "159/60 CN_ISOLATED_SYSTOLIC", "140/89.9 CN_ISOLATED_SYSTOLIC",
                "160/100 CN_GRADE_2", "160/89 CN_GRADE_2", "159/100 CN_GRADE_2", "179/109 CN_GRADE_2",
                "120/100 CN_GRADE_2",
                "180/110 CN_GRADE_3 crisis", "180/70 CN_GRADE_3 crisis", "179/110 CN_GRADE_3 crisis",
                "110/110 CN_GRADE_3 crisis", "179.9/109.9 CN_GRADE_2", "260/160 CN_GRADE_3 crisis");
    }

    @Test
    void accAha2017() {
        check(Guideline.ACC_AHA_2017,
                "119/79 ACC_NORMAL", "120/79 ACC_ELEVATED", "129/79 ACC_ELEVATED",
                "130/79 ACC_STAGE_1", "119/80 ACC_STAGE_1", "139/89 ACC_STAGE_1", "129/80 ACC_STAGE_1",
                "140/60 ACC_STAGE_2", "120/90 ACC_STAGE_2", "179/109 ACC_STAGE_2",
                // crisis flag from 180/110; the ACC/AHA crisis category only above 180 and/or above 120
                "180/100 ACC_STAGE_2 crisis", "170/110 ACC_STAGE_2 crisis", "180/120 ACC_STAGE_2 crisis",
                "181/100 ACC_CRISIS crisis", "150/121 ACC_CRISIS crisis");
    }

    @Test
    void esh2023() {
        check(Guideline.ESH_2023,
                "119/79 ESH_OPTIMAL", "120/79 ESH_NORMAL", "119/80 ESH_NORMAL", "129/84 ESH_NORMAL",
                "130/84 ESH_HIGH_NORMAL", "129/85 ESH_HIGH_NORMAL", "139/89 ESH_HIGH_NORMAL",
                "140/90 ESH_GRADE_1", "139/90 ESH_GRADE_1", "159/99 ESH_GRADE_1",
                "140/89 ESH_ISOLATED_SYSTOLIC", "159/70 ESH_ISOLATED_SYSTOLIC",
                "160/100 ESH_GRADE_2", "130/100 ESH_GRADE_2", "179/109 ESH_GRADE_2", "170/80 ESH_GRADE_2",
                "180/110 ESH_GRADE_3 crisis", "180/60 ESH_GRADE_3 crisis", "120/110 ESH_GRADE_3 crisis");
    }

    @Test
    void everyCategoryHasAColourAndHypertensionFromGradeOne() {
        for (Category c : Category.values()) {
            assertEquals(c.name().matches(".*(GRADE|STAGE|ISOLATED|CRISIS).*"), c.hypertensive, c.name());
        }
        assertEquals(Guideline.CHINA_2018, Guideline.parse("nonsense"));
        assertEquals(Guideline.ESH_2023, Guideline.parse(" esh_2023 "));
    }
}
