package org.communitykiosk.ui.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up translated texts: a plugin's own {@code i18n/messages_*} first, then the platform's texts that live in the
 * API bundle ({@code i18n/shell_*}, {@code i18n/core_*}, {@code i18n/device_*}). Chinese is the default; English is
 * complete. A missing key is shown as {@code !key!} so it is noticed, and logged.
 */
final class Translations {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;
    static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private static final Logger LOG = LoggerFactory.getLogger(Translations.class);
    private static final List<String> PLATFORM_BASE_NAMES = List.of("i18n.shell", "i18n.core", "i18n.device");
    private static final String PLUGIN_BASE_NAME = "i18n.messages";
    // never fall back to the JVM's default locale: a missing translation must show, not silently turn Chinese
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ClassLoader platformLoader = KioskPlugin.class.getClassLoader();

    /** Closest supported locale: Chinese unless English was asked for. */
    static Locale supported(Locale requested) {
        return requested != null && ENGLISH.getLanguage().equals(requested.getLanguage()) ? ENGLISH : CHINESE;
    }

    String text(Locale locale, Bundle plugin, String key, Object... args) {
        Locale target = supported(locale);
        String pattern = null;
        if (plugin != null) {
            pattern = lookup(PLUGIN_BASE_NAME, target, loaderOf(plugin), key);
        }
        for (int i = 0; pattern == null && i < PLATFORM_BASE_NAMES.size(); i++) {
            pattern = lookup(PLATFORM_BASE_NAMES.get(i), target, platformLoader, key);
        }
        if (pattern == null) {
            LOG.warn("missing translation {} for {}", key, target);
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, target).format(args);
    }

    String text(Locale locale, String key, Object... args) {
        return text(locale, null, key, args);
    }

    String describe(Locale locale, Bundle plugin, InvalidInputException refused) {
        return refused.problems().stream()
                .map(p -> text(locale, plugin, p.key(), p.args().toArray()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * A wait as people read it: seconds up to two minutes, whole minutes (rounded up) beyond, so that a wait is
     * never shown shorter than it is.
     */
    String waitTime(Locale locale, java.time.Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return seconds < 120 ? text(locale, "shell.wait.seconds", seconds)
                : text(locale, "shell.wait.minutes", (seconds + 59) / 60);
    }

    private static ClassLoader loaderOf(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring == null ? null : wiring.getClassLoader();
    }

    private static String lookup(String baseName, Locale locale, ClassLoader loader, String key) {
        if (loader == null) {
            return null;
        }
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, loader, CONTROL);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
