package org.communitykiosk.plugins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Whether a plugin fits this platform: the version range with which its bundles import the plugin SPI
 * ({@value #PLUGIN_API}; bnd writes it from the API's {@code @Version}, for example {@code [1.0,2)}) must include the
 * version this platform exports. Checked before Karaf is asked, so an incompatible plugin is refused with a reason and
 * nothing is installed; Karaf's resolver would refuse it as well, but only with a wiring error.
 */
final class Compatibility {

    static final String PLUGIN_API = "org.communitykiosk.api.plugin";

    private Compatibility() {
    }

    /** The range a bundle's {@code Import-Package} header requires of the plugin SPI, if it imports it. */
    static Optional<VersionRange> requiredRange(String importPackage) {
        if (importPackage == null || importPackage.isBlank()) {
            return Optional.empty();
        }
        for (String clause : split(importPackage, ',')) {
            List<String> parts = split(clause, ';');
            boolean imports = false;
            String version = null;
            for (String part : parts) {
                String item = part.trim();
                int eq = item.indexOf('=');
                if (eq < 0) {
                    imports |= item.equals(PLUGIN_API);
                } else if (item.charAt(eq - 1) != ':' && item.substring(0, eq).trim().equals("version")) {
                    version = unquote(item.substring(eq + 1).trim());
                }
            }
            if (imports) {
                // no version attribute: any version (bnd always writes one for a versioned package)
                return Optional.of(new VersionRange(version == null ? "0.0.0" : version));
            }
        }
        return Optional.empty();
    }

    /**
     * The first range among the bundles' headers that excludes the platform's version, in OSGi notation, or empty
     * when every bundle fits (or none imports the SPI). An unreadable range counts as incompatible.
     */
    static Optional<String> conflict(List<Optional<String>> importHeaders, Version platform) {
        for (Optional<String> header : importHeaders) {
            Optional<VersionRange> range;
            try {
                range = requiredRange(header.orElse(null));
            } catch (IllegalArgumentException e) {
                return Optional.of(header.orElse("?"));
            }
            if (range.isPresent() && !range.get().includes(platform)) {
                return Optional.of(range.get().toString());
            }
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** Splits at the separator outside double quotes (version ranges contain commas). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
