package org.communitykiosk.points.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;

/**
 * How hours become points and what a log entry must look like: the one place that decides, from the typed
 * configuration. Points are whole numbers (long), never floating point.
 *
 * @param pointsPerHour category id to points per hour, in the configured order
 * @param rounding how a fraction of a point is rounded
 * @param dailyCapPoints most points per volunteer and day, 0 = none
 * @param yearlyCapPoints points per volunteer and year beyond which points go to the pool, 0 = none
 * @param expiryMonths months after which unused points expire, 0 = never
 * @param organisations ids of the resident organisations service can be logged for, in the configured order
 */
record PointsRules(Map<String, Long> pointsPerHour, RoundingMode rounding, long dailyCapPoints, long yearlyCapPoints,
        int expiryMonths, List<String> organisations) {

    static final int MAX_MINUTES = 24 * 60;
    static final int MAX_DAYS_BACK = 30;
    static final int PLACE_MAX = 100;
    static final int REASON_MAX = 200;

    /** Field names used in {@link Problem#field()}. */
    static final String CATEGORY = "category";
    static final String DATE = "date";
    static final String START = "start";
    static final String DURATION = "duration";
    static final String PLACE = "place";
    static final String SERVED = "served";
    static final String ORGANISATION = "organisation";

    PointsRules {
        pointsPerHour = Collections.unmodifiableMap(new LinkedHashMap<>(pointsPerHour));
        organisations = List.copyOf(organisations);
    }

    static PointsRules defaults() {
        return from(Defaults.of(PointsConfig.class));
    }

    /** Reads the configuration; malformed categories and negative numbers are refused with a clear message. */
    static PointsRules from(PointsConfig config) {
        Map<String, Long> categories = new LinkedHashMap<>();
        // a .cfg file gives "a:10,b:8" as one string; a .config file or the web console gives an array
        List<String> entries = entries(config.categories()).toList();
        for (String entry : entries) {
            String[] parts = entry.split(":");
            if (parts.length != 2 || !parts[0].strip().matches("[a-z0-9-]{1,40}")) {
                throw new IllegalArgumentException("category as id:pointsPerHour (id of a-z, 0-9, -): " + entry);
            }
            long perHour = Long.parseLong(parts[1].strip());
            if (perHour < 0) {
                throw new IllegalArgumentException("points per hour not negative: " + entry);
            }
            categories.put(parts[0].strip(), perHour);
        }
        RoundingMode rounding = switch (config.rounding().strip().toUpperCase(Locale.ROOT)) {
            case "UP" -> RoundingMode.UP;
            case "HALF_UP" -> RoundingMode.HALF_UP;
            case "DOWN" -> RoundingMode.DOWN;
            default -> throw new IllegalArgumentException("rounding DOWN, HALF_UP or UP: " + config.rounding());
        };
        if (config.dailyCapPoints() < 0 || config.yearlyCapPoints() < 0 || config.expiryMonths() < 0) {
            throw new IllegalArgumentException("caps and expiry are 0 (none) or positive");
        }
        List<String> organisations = entries(config.organisations()).distinct().toList();
        for (String organisation : organisations) {
            if (!organisation.matches("[a-z0-9-]{1,40}")) {
                throw new IllegalArgumentException("organisation ids of a-z, 0-9, -: " + organisation);
            }
        }
        return new PointsRules(categories, rounding, config.dailyCapPoints(), config.yearlyCapPoints(),
                config.expiryMonths(), organisations);
    }

    /** Points for minutes of a category, rounded as configured; 0 for a category no longer configured. */
    long points(String category, int minutes) {
        Long perHour = pointsPerHour.get(category);
        if (perHour == null || minutes <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(perHour).multiply(BigDecimal.valueOf(minutes))
                .divide(BigDecimal.valueOf(60), 0, rounding).longValueExact();
    }

    /**
     * What a volunteer is credited for a confirmed entry, given what they already earned.
     *
     * @param raw points of the entry before caps
     * @param earnedThatDay points already credited for service on the same day (to them or to the pool)
     * @param earnedThatYear points already credited to them for service in the same calendar year
     */
    Award award(long raw, long earnedThatDay, long earnedThatYear) {
        long afterDaily = dailyCapPoints == 0 ? raw : Math.max(0, Math.min(raw, dailyCapPoints - earnedThatDay));
        long toVolunteer = yearlyCapPoints == 0 ? afterDaily
                : Math.max(0, Math.min(afterDaily, yearlyCapPoints - earnedThatYear));
        return new Award(toVolunteer, afterDaily - toVolunteer);
    }

    /** Points credited to the volunteer and to the community pool. */
    record Award(long volunteer, long pool) {
    }

    /**
     * @throws InvalidInputException with every problem of the entry; nothing is written
     */
    HoursDraft check(HoursDraft draft, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String category = draft.category() == null ? "" : draft.category().strip();
        if (!pointsPerHour.containsKey(category)) {
            problems.add(Problem.of(CATEGORY, "points.problem.category"));
        }
        if (draft.date() == null) {
            problems.add(Problem.of(DATE, "points.problem.date.required"));
        } else if (draft.date().isAfter(today)) {
            problems.add(Problem.of(DATE, "points.problem.date.future"));
        } else if (draft.date().isBefore(today.minusDays(MAX_DAYS_BACK))) {
            problems.add(Problem.of(DATE, "points.problem.date.tooOld", MAX_DAYS_BACK));
        }
        if (draft.start() == null) {
            problems.add(Problem.of(START, "points.problem.start.required"));
        }
        if (draft.durationMinutes() <= 0) {
            problems.add(Problem.of(DURATION, "points.problem.duration.positive"));
        } else if (draft.durationMinutes() > MAX_MINUTES) {
            problems.add(Problem.of(DURATION, "points.problem.duration.tooLong"));
        }
        String place = draft.place() == null ? "" : draft.place().strip();
        if (place.length() > PLACE_MAX) {
            problems.add(Problem.of(PLACE, "points.problem.place.tooLong", PLACE_MAX));
        }
        if (draft.servedResidentId() != null && draft.servedResidentId() == draft.volunteerId()) {
            problems.add(Problem.of(SERVED, "points.problem.served.self"));
        }
        String organisation = draft.organisation() == null || draft.organisation().isBlank() ? null
                : draft.organisation().strip();
        if (organisation != null && !organisations.contains(organisation)) {
            problems.add(Problem.of(ORGANISATION, "points.problem.organisation"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new HoursDraft(draft.volunteerId(), category, draft.date(), draft.start(), draft.durationMinutes(),
                place.isEmpty() ? null : place, draft.servedResidentId(), draft.idempotencyKey(), organisation);
    }

    /** The entries of a list setting: ConfigAdmin gives an array, a .cfg file one comma-separated string. */
    private static java.util.stream.Stream<String> entries(String[] setting) {
        return java.util.Arrays.stream(setting).flatMap(e -> java.util.Arrays.stream(e.split(","))).map(String::strip)
                .filter(e -> !e.isEmpty());
    }
}
