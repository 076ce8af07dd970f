package org.communitykiosk.lovemarket.internal;

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
 * keys. Keys are the string literals {@code "lovemarket.<...>"} in the main sources; audit actions are built from the
 * {@link #AUDIT_ACTIONS} are audit actions, not keys.
 */
class MessagesTest {

    private static final Set<String> AUDIT_ACTIONS = Set.of("lovemarket.item.create", "lovemarket.item.edit",
            "lovemarket.intake.record", "lovemarket.item.photo", "lovemarket.lottery.create",
            "lovemarket.lottery.draw", "lovemarket.lottery.request", "lovemarket.household.flag",
            "lovemarket.household.unflag", "lovemarket.charity.day", "lovemarket.charity.stall",
            "lovemarket.charity.sale", "lovemarket.stock.adjust", "lovemarket.order.redeem",
            "lovemarket.order.handOver", "lovemarket.order.cancel", "lovemarket.swap.post", "lovemarket.swap.ask",
            "lovemarket.swap.promise", "lovemarket.swap.close", "lovemarket.swap.repost");

    private static final Pattern KEY = Pattern.compile("\"(lovemarket\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

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
                assertTrue(key.startsWith("lovemarket."), file + " " + key);
            }
        }
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        keys.removeAll(AUDIT_ACTIONS);
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
