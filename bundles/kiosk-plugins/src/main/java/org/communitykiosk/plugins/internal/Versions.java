package org.communitykiosk.plugins.internal;

import java.util.Comparator;

import org.osgi.framework.Version;

/** Feature versions compared as OSGi versions ({@code 0.1.0-SNAPSHOT} read as {@code 0.1.0.SNAPSHOT}). */
final class Versions {

    static final Comparator<String> ORDER = Comparator.comparing(Versions::parse);

    private Versions() {
    }

    static Version parse(String text) {
        if (text == null || text.isBlank()) {
            return Version.emptyVersion;
        }
        String cleaned = text.trim();
        int dash = cleaned.indexOf('-');
        String numbers = dash < 0 ? cleaned : cleaned.substring(0, dash);
        String qualifier = dash < 0 ? "" : cleaned.substring(dash + 1).replaceAll("[^A-Za-z0-9_-]", "_");
        try {
            Version base = Version.parseVersion(numbers);
            if (qualifier.isEmpty()) {
                return base;
            }
            return new Version(base.getMajor(), base.getMinor(), base.getMicro(),
                    base.getQualifier().isEmpty() ? qualifier : base.getQualifier() + "-" + qualifier);
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }
}
