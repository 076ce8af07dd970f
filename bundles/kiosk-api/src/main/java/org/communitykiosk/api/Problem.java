package org.communitykiosk.api;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with an input, as a translation key (never a sentence in Java code) with its arguments.
 *
 * @param field the input field it concerns, or {@code null} for the input as a whole
 * @param key translation key, looked up in the platform's or the plugin's messages
 * @param args arguments for the translated pattern ({@link java.text.MessageFormat} style)
 */
public record Problem(String field, String key, List<Object> args) {

    public Problem {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Problem of(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }
}
