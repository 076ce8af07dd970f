package org.communitykiosk.core.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.plugin.PinAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checked kiosk settings. A bad value in a configuration file falls back to its default with a warning: a kiosk that
 * starts with a sensible default serves residents better than one that does not start.
 */
public record Settings(String kioskId, String kioskName, String communityName, Locale defaultLocale, ZoneId zone,
        Duration residentIdleTimeout, Duration staffIdleTimeout, boolean demoData, List<String> tileOrder,
        List<String> hiddenPlugins, Duration keepAwakeMax, List<String> exportRoots, Set<String> pinRequiredFor)
        implements KioskSettings {

    public static final String DEFAULT_KIOSK_ID = "kiosk-1";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final int MIN_IDLE_SECONDS = 15;
    static final int MAX_IDLE_SECONDS = 3600;
    static final int MAX_KEEP_AWAKE_MINUTES = 60;
    static final List<String> DEFAULT_EXPORT_ROOTS = List.of("/media", "/run/media", "/mnt");

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    public Settings {
        tileOrder = List.copyOf(tileOrder);
        hiddenPlugins = List.copyOf(hiddenPlugins);
        exportRoots = List.copyOf(exportRoots);
        pinRequiredFor = Set.copyOf(pinRequiredFor);
    }

    /** The built-in defaults, as a kiosk without configuration file runs. */
    public static Settings defaults() {
        return new Settings(DEFAULT_KIOSK_ID, "社区服务站", "示范社区（演示）", Locale.SIMPLIFIED_CHINESE, DEFAULT_ZONE,
                Duration.ofSeconds(60), Duration.ofSeconds(300), true, List.of(), List.of(), Duration.ofMinutes(10),
                DEFAULT_EXPORT_ROOTS, Set.copyOf(PinAction.ALL));
    }

    public static Settings from(KioskSettingsConfig config) {
        Settings defaults = defaults();
        return new Settings(
                text(config.kioskId(), defaults.kioskId(), "kioskId"),
                text(config.kioskName(), defaults.kioskName(), "kioskName"),
                text(config.communityName(), defaults.communityName(), "communityName"),
                locale(config.defaultLanguage()),
                zone(config.timezone()),
                idle(config.residentIdleTimeoutSeconds(), defaults.residentIdleTimeout(), "residentIdleTimeoutSeconds"),
                idle(config.staffIdleTimeoutSeconds(), defaults.staffIdleTimeout(), "staffIdleTimeoutSeconds"),
                config.demoData(),
                ids(config.tileOrder()),
                ids(config.hiddenPlugins()),
                keepAwake(config.keepAwakeMaxMinutes(), defaults.keepAwakeMax()),
                roots(config.exportRoots()),
                actions(config.pinRequiredFor()));
    }

    private static String text(String value, String fallback, String field) {
        if (value == null || value.isBlank()) {
            LOG.warn("kiosk setting {} is empty, using the default", field);
            return fallback;
        }
        return value.trim();
    }

    private static Locale locale(String language) {
        String tag = language == null ? "" : language.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        if (tag.equals("en") || tag.startsWith("en-")) {
            return Locale.ENGLISH;
        }
        if (!tag.equals("zh-cn") && !tag.equals("zh")) {
            LOG.warn("kiosk setting defaultLanguage {} is not supported (zh-CN or en), using zh-CN", language);
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException | NullPointerException e) {
            LOG.warn("kiosk setting timezone {} is not a time zone, using {}", id, DEFAULT_ZONE);
            return DEFAULT_ZONE;
        }
    }

    private static Duration idle(int seconds, Duration fallback, String field) {
        if (seconds < MIN_IDLE_SECONDS || seconds > MAX_IDLE_SECONDS) {
            LOG.warn("kiosk setting {}={} is outside {}..{}, using {}", field, seconds, MIN_IDLE_SECONDS,
                    MAX_IDLE_SECONDS, fallback.toSeconds());
            return fallback;
        }
        return Duration.ofSeconds(seconds);
    }

    /** These settings with demo data switched on or off (a kiosk in service, in tests). */
    public Settings withDemoData(boolean demo) {
        return new Settings(kioskId, kioskName, communityName, defaultLocale, zone, residentIdleTimeout,
                staffIdleTimeout, demo, tileOrder, hiddenPlugins, keepAwakeMax, exportRoots, pinRequiredFor);
    }

    private static Duration keepAwake(int minutes, Duration fallback) {
        if (minutes < 1 || minutes > MAX_KEEP_AWAKE_MINUTES) {
            LOG.warn("kiosk setting keepAwakeMaxMinutes={} is outside 1..{}, using {}", minutes,
                    MAX_KEEP_AWAKE_MINUTES, fallback.toMinutes());
            return fallback;
        }
        return Duration.ofMinutes(minutes);
    }

    /** Absolute folders; the root folder itself is refused (it is the kiosk's own disk). */
    private static List<String> roots(String[] values) {
        List<String> roots = new ArrayList<>();
        for (String root : ids(values)) {
            if (!root.startsWith("/") || root.equals("/")) {
                LOG.warn("kiosk setting exportRoots: {} is not an absolute folder below /, left out", root);
            } else {
                roots.add(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
            }
        }
        return roots;
    }

    /**
     * Step-up actions. An id the platform does not know is kept (a plugin may ask for its own) but named in the log:
     * it is most likely a typing mistake that leaves an action without its PIN.
     */
    private static Set<String> actions(String[] values) {
        List<String> ids = ids(values);
        ids.stream().filter(id -> !PinAction.ALL.contains(id)).forEach(id -> LOG.warn(
                "kiosk setting pinRequiredFor names {}, which is not one of {}", id, PinAction.ALL));
        return Set.copyOf(ids);
    }

    /** Plugin ids; a .cfg file may give a list as one comma separated value. */
    private static List<String> ids(String[] values) {
        List<String> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String id : value.split(",")) {
                    if (!id.isBlank() && !ids.contains(id.trim())) {
                        ids.add(id.trim());
                    }
                }
            }
        }
        return ids;
    }
}
