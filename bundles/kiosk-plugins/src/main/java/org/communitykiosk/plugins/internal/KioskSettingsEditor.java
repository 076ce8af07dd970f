package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.plugin.PinAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the editable kiosk settings in the configuration {@value #PID} (property names and defaults as in
 * kiosk-core's {@code KioskSettingsConfig}). The kiosk applies a saved change at once: the settings component is
 * re-activated with the new configuration, and the home screen reads the new settings on its next visit.
 */
final class KioskSettingsEditor {

    static final String PID = "org.communitykiosk.kiosk";
    static final String AUDIT_ACTION = "settings.update";

    static final String KIOSK_NAME = "kioskName";
    static final String COMMUNITY_NAME = "communityName";
    static final String DEFAULT_LANGUAGE = "defaultLanguage";
    static final String RESIDENT_IDLE = "residentIdleTimeoutSeconds";
    static final String STAFF_IDLE = "staffIdleTimeoutSeconds";
    static final String TILE_ORDER = "tileOrder";
    static final String HIDDEN_PLUGINS = "hiddenPlugins";
    static final String DEMO_DATA = "demoData";
    static final String PIN_REQUIRED_FOR = "pinRequiredFor";

    private static final Logger LOG = LoggerFactory.getLogger(KioskSettingsEditor.class);

    private final ConfigStore store;
    private final AuditLog audit;

    KioskSettingsEditor(ConfigStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The settings as configured now, defaults filled in. */
    KioskSettingsDraft current() {
        try {
            return fromProperties(store.read());
        } catch (IOException e) {
            throw new IllegalStateException("the kiosk settings cannot be read", e);
        }
    }

    /**
     * Checks and writes the draft; the audit entry names the changed settings (no values: a kiosk name is not
     * personal, but the rule is ids only), and for the PIN actions, which are ids, the new list: which actions a card
     * alone now does is what a review of the kiosk's trust boundary asks. Nothing is written when a check fails or
     * nothing changed.
     *
     * @return the names of the changed properties, empty when nothing changed
     * @throws InvalidInputException when the draft breaks a rule ({@code settings.error.*})
     */
    List<String> save(KioskSettingsDraft draft, Actor actor) {
        SettingsRules.check(draft);
        try {
            Map<String, Object> properties = store.read();
            Map<String, String> wanted = toProperties(draft);
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, String> entry : wanted.entrySet()) {
                if (!unchanged(entry.getKey(), properties.get(entry.getKey()), entry.getValue())) {
                    changed.add(entry.getKey());
                    properties.put(entry.getKey(), entry.getValue());
                }
            }
            if (changed.isEmpty()) {
                return changed;
            }
            store.write(properties);
            String detail = "changed " + String.join(",", changed);
            if (changed.contains(PIN_REQUIRED_FOR)) {
                detail += "; " + PIN_REQUIRED_FOR + "="
                        + (draft.pinRequiredFor().isEmpty() ? "none" : wanted.get(PIN_REQUIRED_FOR));
            }
            audit.record(actor, AUDIT_ACTION, "config:" + PID, detail);
            return changed;
        } catch (IOException e) {
            LOG.error("the kiosk settings could not be written", e);
            audit.record(actor, AUDIT_ACTION, "config:" + PID, "failed: " + e.getClass().getSimpleName());
            throw InvalidInputException.of(null, "settings.error.write");
        }
    }

    static KioskSettingsDraft fromProperties(Map<String, Object> properties) {
        return new KioskSettingsDraft(
                textOr(properties.get(KIOSK_NAME), "社区服务站"),
                textOr(properties.get(COMMUNITY_NAME), "示范社区（演示）"),
                textOr(properties.get(DEFAULT_LANGUAGE), "zh-CN"),
                number(properties.get(RESIDENT_IDLE), 60),
                number(properties.get(STAFF_IDLE), 300),
                ids(properties.get(TILE_ORDER)),
                ids(properties.get(HIDDEN_PLUGINS)),
                Boolean.parseBoolean(textOr(properties.get(DEMO_DATA), "true")),
                pinActions(properties.get(PIN_REQUIRED_FOR)));
    }

    /** Every value as a string, as an {@code etc/*.cfg} file holds it (lists comma separated, as kiosk-core reads them). */
    static Map<String, String> toProperties(KioskSettingsDraft draft) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(KIOSK_NAME, draft.kioskName().strip());
        properties.put(COMMUNITY_NAME, draft.communityName().strip());
        properties.put(DEFAULT_LANGUAGE, draft.defaultLanguage());
        properties.put(RESIDENT_IDLE, Integer.toString(draft.residentIdleSeconds()));
        properties.put(STAFF_IDLE, Integer.toString(draft.staffIdleSeconds()));
        properties.put(TILE_ORDER, String.join(",", draft.tileOrder()));
        properties.put(HIDDEN_PLUGINS, String.join(",", draft.hiddenPlugins()));
        properties.put(DEMO_DATA, Boolean.toString(draft.demoData()));
        properties.put(PIN_REQUIRED_FOR, String.join(",", draft.pinRequiredFor()));
        return properties;
    }

    /**
     * Whether the configuration already says what the draft wants. The PIN actions are a set, and a configuration
     * without them asks for the PIN everywhere: the same actions in another order, or written out for the first time,
     * change nothing for residents and must not appear in the audit log as a change of the trust boundary.
     */
    private static boolean unchanged(String key, Object current, String wanted) {
        if (PIN_REQUIRED_FOR.equals(key)) {
            return Set.copyOf(pinActions(current)).equals(Set.copyOf(ids(wanted)));
        }
        return Objects.equals(text(current), wanted);
    }

    /**
     * The step-up actions as kiosk-core reads them: without the property every {@link PinAction}, an empty value none.
     * Ids the kiosk does not know are kept, in the file's order: kiosk-core keeps them too (a plugin may ask for its
     * own), and dropping one the screen did not offer would change the file behind the administrator's back.
     */
    static List<String> pinActions(Object value) {
        return value == null ? PinAction.ALL : ids(value);
    }

    private static String textOr(Object value, String fallback) {
        String text = text(value);
        return text == null || text.isBlank() ? fallback : text.strip();
    }

    private static Integer number(Object value, int fallback) {
        try {
            String text = text(value);
            return text == null ? fallback : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A property as the string a .cfg file would hold; arrays and collections comma separated. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", items);
        }
        if (value instanceof Collection<?> collection) {
            return String.join(",", collection.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    private static List<String> ids(Object value) {
        List<String> ids = new ArrayList<>();
        String text = text(value);
        if (text != null) {
            for (String id : text.split(",")) {
                if (!id.isBlank() && !ids.contains(id.strip())) {
                    ids.add(id.strip());
                }
            }
        }
        return ids;
    }
}
