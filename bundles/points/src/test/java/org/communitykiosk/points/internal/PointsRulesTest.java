package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.junit.jupiter.api.Test;

class PointsRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

    static PointsConfig config(Map<String, Object> overrides) {
        PointsConfig defaults = Defaults.of(PointsConfig.class);
        return (PointsConfig) Proxy.newProxyInstance(PointsConfig.class.getClassLoader(),
                new Class<?>[] { PointsConfig.class }, (proxy, method, args) -> overrides.containsKey(method.getName())
                        ? overrides.get(method.getName()) : method.invoke(defaults, args));
    }

    @Test
    void defaultsReadFromTheAnnotation() {
        PointsRules rules = PointsRules.defaults();
        assertEquals(10L, rules.pointsPerHour().get("elderly-care"));
        assertEquals(RoundingMode.DOWN, rules.rounding());
        assertEquals(80, rules.dailyCapPoints());
        assertEquals(0, rules.yearlyCapPoints());
        assertEquals(List.of("elderly-care", "escort", "cleaning", "teaching", "haircut", "other"),
                List.copyOf(rules.pointsPerHour().keySet()));
    }

    @Test
    void pointsPerHourWithRounding() {
        PointsRules down = PointsRules.from(config(Map.of("categories", new String[] { "a:10" })));
        assertEquals(15, down.points("a", 90));
        assertEquals(1, down.points("a", 11)); // 1.83 down
        assertEquals(0, down.points("unknown", 60));
        PointsRules up = PointsRules.from(config(Map.of("categories", new String[] { "a:10" }, "rounding", "UP")));
        assertEquals(2, up.points("a", 7)); // 1.17 up
        PointsRules half = PointsRules.from(config(Map.of("categories", new String[] { "a:10" }, "rounding",
                "half_up")));
        assertEquals(2, half.points("a", 9)); // 1.5
        assertEquals(1, half.points("a", 8)); // 1.33
    }

    @Test
    void categoriesFromACfgFileAsOneCommaSeparatedString() {
        PointsRules rules = PointsRules.from(config(Map.of("categories", new String[] { "a:10, b:8 ," })));
        assertEquals(Map.of("a", 10L, "b", 8L), rules.pointsPerHour());
    }

    @Test
    void badConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PointsRules.from(config(Map.of("categories", new String[] { "no-points" }))));
        assertThrows(IllegalArgumentException.class,
                () -> PointsRules.from(config(Map.of("categories", new String[] { "a:-1" }))));
        assertThrows(IllegalArgumentException.class, () -> PointsRules.from(config(Map.of("rounding", "CEILING"))));
        assertThrows(IllegalArgumentException.class, () -> PointsRules.from(config(Map.of("dailyCapPoints", -1L))));
    }

    @Test
    void dailyCapThenYearlyCapOverflowToThePool() {
        PointsRules rules = PointsRules.from(config(Map.of("dailyCapPoints", 80L, "yearlyCapPoints", 1000L)));
        assertEquals(new PointsRules.Award(30, 0), rules.award(30, 0, 0));
        assertEquals(new PointsRules.Award(20, 0), rules.award(30, 60, 0));
        assertEquals(new PointsRules.Award(0, 0), rules.award(30, 80, 0));
        assertEquals(new PointsRules.Award(10, 20), rules.award(30, 0, 990));
        assertEquals(new PointsRules.Award(0, 30), rules.award(30, 0, 1200));
        PointsRules none = PointsRules.from(config(Map.of("dailyCapPoints", 0L)));
        assertEquals(new PointsRules.Award(500, 0), none.award(500, 1000, 100000));
    }

    @Test
    void goodEntryIsTrimmed() {
        HoursDraft clean = PointsRules.defaults().check(new HoursDraft(1, " cleaning ", TODAY, LocalTime.of(9, 0), 90,
                "  3号楼 ", null, "k"), TODAY);
        assertEquals(new HoursDraft(1, "cleaning", TODAY, LocalTime.of(9, 0), 90, "3号楼", null, "k"), clean);
        PointsRules.defaults().check(new HoursDraft(1, "other", TODAY.minusDays(30), LocalTime.MIDNIGHT, 1440, null,
                2L, "k"), TODAY);
    }

    @Test
    void badDurationsDatesAndCategories() {
        assertProblems(draft("cleaning", TODAY, 0), Problem.of("duration", "points.problem.duration.positive"));
        assertProblems(draft("cleaning", TODAY, -30), Problem.of("duration", "points.problem.duration.positive"));
        assertProblems(draft("cleaning", TODAY, 1441), Problem.of("duration", "points.problem.duration.tooLong"));
        assertProblems(draft("cleaning", TODAY.plusDays(1), 60), Problem.of("date", "points.problem.date.future"));
        assertProblems(draft("cleaning", TODAY.minusDays(31), 60),
                Problem.of("date", "points.problem.date.tooOld", 30));
        assertProblems(draft("dancing", null, 60), Problem.of("category", "points.problem.category"),
                Problem.of("date", "points.problem.date.required"));
        assertProblems(new HoursDraft(1, "other", TODAY, null, 60, "x".repeat(101), 1L, null),
                Problem.of("start", "points.problem.start.required"),
                Problem.of("place", "points.problem.place.tooLong", 100),
                Problem.of("served", "points.problem.served.self"));
    }

    private static HoursDraft draft(String category, LocalDate date, int minutes) {
        return new HoursDraft(1, category, date, LocalTime.of(9, 0), minutes, null, null, null);
    }

    private static void assertProblems(HoursDraft draft, Problem... expected) {
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> PointsRules.defaults().check(draft, TODAY));
        assertEquals(List.of(expected), refused.problems());
    }
}
