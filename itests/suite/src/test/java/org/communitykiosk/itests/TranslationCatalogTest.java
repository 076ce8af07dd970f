package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text of every module exists in Chinese and in English, and every key the Java sources ask for exists.
 * Fails the build on a missing translation, whichever bundle it is in.
 */
class TranslationCatalogTest {

    // text("key" ...), Problem.of(field, "key" ...), InvalidInputException.of(field, "key" ...)
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:\\btext\\(\\s*|(?:Problem|InvalidInputException)\\.of\\(\\s*[^,()]+,\\s*)\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");

    private final Path root = Paths.get(System.getProperty("kiosk.sources", "../.."));

    @Test
    void everyChineseFileHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<Path> chinese = files("_zh_CN.properties");
        assertFalse(chinese.isEmpty(), "translation files found under " + root.toAbsolutePath());
        for (Path zh : chinese) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace("_zh_CN.properties", "_en.properties"));
            assertTrue(Files.exists(en), "English twin of " + zh);
            Properties zhTexts = load(zh);
            Properties enTexts = load(en);
            assertEquals(new TreeSet<>(zhTexts.stringPropertyNames()), new TreeSet<>(enTexts.stringPropertyNames()),
                    "same keys in " + zh + " and " + en);
            for (String key : zhTexts.stringPropertyNames()) {
                assertFalse(zhTexts.getProperty(key).isBlank(), key + " empty in " + zh);
                assertFalse(enTexts.getProperty(key).isBlank(), key + " empty in " + en);
            }
        }
    }

    @Test
    void everyKeyUsedInJavaSourcesIsTranslated() throws IOException {
        Set<String> platform = keysIn(root.resolve("bundles/kiosk-api"));
        List<String> missing = new ArrayList<>();
        for (Path module : modules()) {
            Set<String> known = new HashSet<>(platform);
            known.addAll(keysIn(module));
            Path sources = module.resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> javaFiles = Files.walk(sources)) {
                for (Path java : javaFiles.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = KEY_USE.matcher(Files.readString(java, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        if (!known.contains(matcher.group(1))) {
                            missing.add(root.relativize(java) + ": " + matcher.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys without translation: " + missing);
    }

    private List<Path> modules() throws IOException {
        List<Path> modules = new ArrayList<>();
        for (String parent : List.of("bundles", "itests")) {
            try (Stream<Path> children = Files.list(root.resolve(parent))) {
                children.filter(p -> Files.exists(p.resolve("pom.xml"))).forEach(modules::add);
            }
        }
        return modules;
    }

    private Set<String> keysIn(Path module) throws IOException {
        Set<String> keys = new HashSet<>();
        Path i18n = module.resolve("src/main/resources/i18n");
        if (Files.isDirectory(i18n)) {
            try (Stream<Path> files = Files.list(i18n)) {
                for (Path file : files.filter(p -> p.toString().endsWith("_zh_CN.properties")).toList()) {
                    keys.addAll(load(file).stringPropertyNames());
                }
            }
        }
        return keys;
    }

    private List<Path> files(String suffix) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path module : modules()) {
            Path i18n = module.resolve("src/main/resources/i18n");
            if (Files.isDirectory(i18n)) {
                try (Stream<Path> files = Files.list(i18n)) {
                    files.filter(p -> p.toString().endsWith(suffix)).forEach(found::add);
                }
            }
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
