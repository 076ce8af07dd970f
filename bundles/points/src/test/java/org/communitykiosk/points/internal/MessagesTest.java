package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every translation key in the plugin's sources exists in Chinese and in English, and the two files have the same
 * keys. Keys are the string literals {@code "points.<...>"} in the main sources; audit actions
 * ({@code "points.hours.<verb>"}, {@code "points.need.<verb>"}) are not keys. Keys built at run time (kinds, states, default categories) are checked
 * by enumerating them.
 */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(points\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @Test
    void everyKeyUsedInTheSourcesIsTranslatedInBothLanguages() throws IOException {
        Set<String> used = usedKeys();
        assertTrue(used.size() > 30, "found the keys: " + used);
        for (String file : new String[] { "messages_zh_CN", "messages_en" }) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(load(file).stringPropertyNames());
            assertEquals(Set.of(), missing, "missing in " + file);
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("messages_zh_CN").stringPropertyNames()),
                new TreeSet<>(load("messages_en").stringPropertyNames()));
    }

    /** The shell formats with MessageFormat only when there are arguments, so a quote would show in one case. */
    @Test
    void valuesAreNotBlankAndHaveNoSingleQuotes() throws IOException {
        for (String file : new String[] { "messages_zh_CN", "messages_en" }) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                assertFalse(value.isBlank(), file + " " + key);
                assertFalse(value.contains("'"), file + " " + key + " has a single quote");
                assertTrue(key.startsWith("points."), file + " " + key);
            }
        }
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (org.communitykiosk.points.api.TransferKind kind : org.communitykiosk.points.api.TransferKind.values()) {
            keys.add("points.kind." + kind.name());
        }
        for (Need.State state : Need.State.values()) {
            keys.add("points.needState." + state.name());
        }
        for (HoursEntry.Status status : HoursEntry.Status.values()) {
            keys.add("points.status." + status.name());
        }
        PointsRules.defaults().pointsPerHour().keySet().forEach(id -> keys.add("points.category." + id));
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    // audit actions (points.hours.log, points.need.accept, ...) are not translation keys
                    if (!matcher.group(1).matches("points\\.(hours|need)\\.[a-z]+")) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
