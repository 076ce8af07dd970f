package org.communitykiosk.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules every bundle's texts ({@code i18n/messages_zh_CN.properties} and {@code messages_en.properties}) follow,
 * for the bundle's own messages test: keys are string literals with the bundle's prefixes in its main sources, both
 * languages have every key used and the same keys, and no value is blank or has a single quote (the shell formats
 * with MessageFormat only when there are arguments, so a quote would show in one case).
 */
public final class BundleMessages {

    public static final String[] FILES = { "messages_zh_CN", "messages_en" };

    private final Class<?> resources;
    private final Pattern keyLiteral;
    private final Pattern keyName;

    private BundleMessages(Class<?> resources, String prefixes) {
        this.resources = resources;
        this.keyLiteral = Pattern.compile("\"((?:" + prefixes + ")\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        this.keyName = Pattern.compile("(?:" + prefixes + ")\\..*");
    }

    /**
     * @param resources a class of the bundle under test, whose class loader has its {@code /i18n/} files
     * @param prefixes the bundle's key prefixes, for example {@code "points"}
     */
    public static BundleMessages of(Class<?> resources, String... prefixes) {
        return new BundleMessages(resources, String.join("|", prefixes));
    }

    /** Key literals in {@code src/main/java}, without those that are not keys (audit action names and the like). */
    public Set<String> keysInSources(Set<String> notKeys) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = keyLiteral.matcher(Files.readString(source));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.removeAll(notKeys);
        return keys;
    }

    public Properties load(String file) {
        Properties properties = new Properties();
        try (InputStream in = resources.getResourceAsStream("/i18n/" + file + ".properties");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public void assertTranslated(Set<String> used) {
        for (String file : FILES) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(load(file).stringPropertyNames());
            assertEquals(Set.of(), missing, "missing in " + file);
        }
    }

    public void assertSameKeysInBothLanguages() {
        assertEquals(new TreeSet<>(load(FILES[0]).stringPropertyNames()),
                new TreeSet<>(load(FILES[1]).stringPropertyNames()));
    }

    public void assertValuesNotBlankWithoutSingleQuotes() {
        for (String file : FILES) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                assertFalse(value.isBlank(), file + " " + key);
                assertFalse(value.contains("'"), file + " " + key + " has a single quote");
                assertTrue(keyName.matcher(key).matches(), file + " " + key);
            }
        }
    }
}
