package org.communitykiosk.print.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Wrapping with one unit per character, so widths are character counts. */
class TextWrapTest {

    private static List<String> wrap(String text, int width) {
        return TextWrap.lines(text, width, s -> s.codePointCount(0, s.length()));
    }

    @Test
    void englishBreaksAtSpaces() {
        assertEquals(List.of("hello world", "foo bar"), wrap("hello world foo bar", 11));
    }

    @Test
    void aWordLongerThanTheLineIsCutBetweenCharacters() {
        assertEquals(List.of("abcde", "fghij", "k"), wrap("abcdefghijk", 5));
    }

    @Test
    void chineseBreaksBetweenAnyCharactersButNotBeforeClosingPunctuation() {
        assertEquals(List.of("一二三", "四五"), wrap("一二三四五", 3));
        assertEquals(List.of("一二", "三，四"), wrap("一二三，四", 3));
    }

    @Test
    void mixedTextAndNewlines() {
        assertEquals(List.of("余额 120", "points", "", "下一段"), wrap("余额 120 points\n\n下一段", 7));
    }
}
