package org.communitykiosk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Chinese is the default and English is complete: every problem key core reports has both texts. */
class TranslationKeysTest {

    private static final Pattern KEY_LITERAL =
            Pattern.compile("\"((?:resident|identity|import|store)\\.[A-Za-z0-9_.]+)\"");

    @Test
    void everyKeyUsedInCoreHasBothTranslations() throws Exception {
        ResourceBundle zh = load(Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = load(Locale.ENGLISH);
        Set<String> used = usedKeys();
        assertTrue(used.contains("store.failed"));
        for (String key : used) {
            assertTrue(zh.containsKey(key), "missing in core_zh_CN: " + key);
            assertTrue(en.containsKey(key), "missing in core_en: " + key);
        }
    }

    @Test
    void bothFilesHaveTheSameKeysAndValidPatterns() throws Exception {
        ResourceBundle zh = load(Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = load(Locale.ENGLISH);
        assertEquals(new TreeSet<>(zh.keySet()), new TreeSet<>(en.keySet()));
        for (String key : zh.keySet()) {
            new MessageFormat(zh.getString(key), Locale.SIMPLIFIED_CHINESE).format(new Object[] { 1, 2 });
            new MessageFormat(en.getString(key), Locale.ENGLISH).format(new Object[] { 1, 2 });
            assertFalse(zh.getString(key).isBlank(), key);
            assertFalse(en.getString(key).isBlank(), key);
        }
        assertEquals("卡号与第12行重复",
                new MessageFormat(zh.getString("import.card.duplicate"), Locale.SIMPLIFIED_CHINESE)
                        .format(new Object[] { 12 }));
    }

    /** Constants of {@link MessageKeys} plus any key-like literal elsewhere in the sources (audit actions aside). */
    private static Set<String> usedKeys() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (Field field : MessageKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                keys.add((String) field.get(null));
            }
        }
        Set<String> auditActions = new TreeSet<>();
        for (Field field : AuditActions.class.getFields()) {
            auditActions.add((String) field.get(null));
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(source));
                while (m.find()) {
                    if (!auditActions.contains(m.group(1))) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    /** As the shell reads them: from the API bundle, no fallback to another language. */
    private static ResourceBundle load(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.core", locale, MessageKeys.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertEquals(locale, bundle.getLocale());
        return bundle;
    }
}
