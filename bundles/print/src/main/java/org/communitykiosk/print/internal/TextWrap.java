package org.communitykiosk.print.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks a paragraph into lines no wider than a width: English (and any script with spaces) at spaces, Chinese,
 * Japanese and Korean between any two characters, and a word wider than a whole line between its characters, so no
 * character is ever lost. Closing punctuation stays on the line of the character before it.
 */
final class TextWrap {

    private TextWrap() {
    }

    static List<String> lines(String text, double width, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph, width, measure, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, double width, ToDoubleFunction<String> measure,
            List<String> lines) {
        StringBuilder line = new StringBuilder();
        for (String token : tokens(paragraph)) {
            boolean space = token.isBlank();
            if (measure.applyAsDouble(line + token) <= width) {
                if (!(space && line.isEmpty())) {
                    line.append(token);
                }
                continue;
            }
            if (space) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                continue;
            }
            if (!line.isEmpty() && measure.applyAsDouble(token) <= width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(token);
                continue;
            }
            // a word wider than what is left: fill the line character by character
            int i = 0;
            while (i < token.length()) {
                int cp = token.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (!line.isEmpty() && measure.applyAsDouble(line + ch) > width) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                line.append(ch);
                i += Character.charCount(cp);
            }
        }
        lines.add(line.toString().stripTrailing());
    }

    /**
     * Units that must not be split: a run of spaces, a single CJK character (with the closing punctuation after it),
     * or a word of other characters.
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                flush(word, tokens);
                tokens.add(" ");
            } else if (breaksAround(cp)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else if (closing(cp) && word.isEmpty() && !tokens.isEmpty() && !tokens.get(tokens.size() - 1).isBlank()) {
                // "，" "。" "）" never start a line: glue them to what came before
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (!word.isEmpty()) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean breaksAround(int cp) {
        if (closing(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    private static boolean closing(int cp) {
        return "，。、；：！？）」』》〉】,.;:!?)%".indexOf(cp) >= 0;
    }
}
