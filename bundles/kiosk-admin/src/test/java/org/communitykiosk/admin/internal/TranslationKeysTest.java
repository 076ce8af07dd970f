package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Chinese is the default and English is complete: a missing translation fails the build, not the kiosk. */
class TranslationKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(admin\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everyKeyTheSourcesUseIsInBothLanguages() throws IOException {
        Set<String> used = usedKeys();
        assertTrue(used.contains("admin.residents.title") && used.contains("admin.audit.title"), used.toString());
        for (String language : List.of("zh_CN", "en")) {
            Properties texts = load(language);
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(texts.stringPropertyNames());
            assertTrue(missing.isEmpty(), "missing in messages_" + language + ": " + missing);
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoneIsUnused() throws IOException {
        Set<String> chinese = new TreeSet<>(load("zh_CN").stringPropertyNames());
        Set<String> english = new TreeSet<>(load("en").stringPropertyNames());
        assertEquals(chinese, english);
        Set<String> unused = new TreeSet<>(chinese);
        unused.removeAll(usedKeys());
        assertTrue(unused.isEmpty(), "keys no source uses: " + unused);
        assertTrue(chinese.stream().allMatch(key -> key.startsWith("admin.")), chinese.toString());
    }

    @Test
    void everyTextIsAPatternWithTheSameArgumentsInBothLanguages() throws IOException {
        Properties chinese = load("zh_CN");
        Properties english = load("en");
        for (String key : chinese.stringPropertyNames()) {
            String zh = chinese.getProperty(key);
            String en = english.getProperty(key);
            assertFalse(zh.isBlank(), key);
            assertFalse(en == null || en.isBlank(), key);
            // the shell returns a text without arguments as it is and formats one with arguments: an ASCII
            // apostrophe would show doubled in the first case or vanish in the second
            assertFalse(zh.contains("'") || en.contains("'"), key + " has an ASCII apostrophe");
            new MessageFormat(zh);
            new MessageFormat(en);
            assertEquals(arguments(zh), arguments(en), key);
        }
        assertEquals("第 2 页，共 3 页", new MessageFormat(chinese.getProperty("admin.page.numberOf"))
                .format(new Object[] {2, 3}));
        assertEquals("12,345 residents imported",
                new MessageFormat(english.getProperty("admin.import.done")).format(new Object[] {12345}));
    }

    @Test
    void chineseIsChinese() throws IOException {
        Properties chinese = load("zh_CN");
        Pattern han = Pattern.compile("\\p{IsHan}");
        for (String key : chinese.stringPropertyNames()) {
            assertTrue(han.matcher(chinese.getProperty(key)).find(), key + " is not translated");
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    static Properties load(String language) throws IOException {
        String name = "/i18n/messages_" + language + ".properties";
        try (InputStream in = TranslationKeysTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            byte[] bytes = in.readAllBytes();
            // the shell reads UTF-8 (ResourceBundle since Java 9); make sure nothing was saved in another encoding
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            Properties texts = new Properties();
            try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            return texts;
        }
    }
}
