package org.communitykiosk.plugins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;

/** What a settings draft must satisfy before it is written; the same limits as the settings' metatype. */
final class SettingsRules {

    static final int MIN_IDLE_SECONDS = 15;
    static final int MAX_IDLE_SECONDS = 3600;
    static final int MAX_NAME_LENGTH = 60;
    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    /** A plugin id, a dot and the action's name, as {@code points.confirmServed}. */
    private static final Pattern PIN_ACTION = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}(\\.[A-Za-z0-9_-]{1,62})+");

    private SettingsRules() {
    }

    /** @throws InvalidInputException with every problem, fields named as in the form */
    static void check(KioskSettingsDraft draft) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "kioskName", draft.kioskName());
        text(problems, "communityName", draft.communityName());
        if (!LANGUAGES.contains(draft.defaultLanguage())) {
            problems.add(Problem.of("defaultLanguage", "settings.error.language"));
        }
        idle(problems, "residentIdleSeconds", draft.residentIdleSeconds());
        idle(problems, "staffIdleSeconds", draft.staffIdleSeconds());
        for (String id : draft.tileOrder()) {
            pluginId(problems, "tileOrder", id);
        }
        for (String id : draft.hiddenPlugins()) {
            pluginId(problems, "hiddenPlugins", id);
        }
        // only a hand-edited file brings such a value; it can never name an action, so writing it back would keep a
        // setting that looks like a PIN step and protects nothing
        for (String id : draft.pinRequiredFor()) {
            if (id == null || !PIN_ACTION.matcher(id).matches()) {
                problems.add(Problem.of("pinRequiredFor", "settings.error.pinAction", String.valueOf(id)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void text(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(field, "settings.error.required"));
        } else if (value.strip().length() > MAX_NAME_LENGTH) {
            problems.add(Problem.of(field, "settings.error.tooLong", Integer.toString(MAX_NAME_LENGTH)));
        }
    }

    private static void idle(List<Problem> problems, String field, Integer seconds) {
        if (seconds == null || seconds < MIN_IDLE_SECONDS || seconds > MAX_IDLE_SECONDS) {
            problems.add(Problem.of(field, "settings.error.idle", Integer.toString(MIN_IDLE_SECONDS),
                    Integer.toString(MAX_IDLE_SECONDS)));
        }
    }

    private static void pluginId(List<Problem> problems, String field, String id) {
        if (id == null || !PLUGIN_ID.matcher(id).matches()) {
            problems.add(Problem.of(field, "settings.error.pluginId", String.valueOf(id)));
        }
    }
}
