package org.communitykiosk.lovemarket.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;

/** Checks of swap-board input, and the matching of HAVEs and WANTs. */
final class SwapRules {

    static final int TITLE_MAX = 40;
    static final int CATEGORY_MAX = 30;
    static final int DESCRIPTION_MAX = 500;

    private SwapRules() {
    }

    /** @return title, category, description trimmed */
    static String[] check(String title, String category, String description) {
        List<Problem> problems = new ArrayList<>();
        String t = trim(title);
        String c = trim(category);
        String d = trim(description);
        if (t.isEmpty()) {
            problems.add(Problem.of("title", "lovemarket.problem.swapTitleRequired"));
        } else if (t.length() > TITLE_MAX) {
            problems.add(Problem.of("title", "lovemarket.problem.swapTitleTooLong", TITLE_MAX));
        }
        if (c.isEmpty()) {
            problems.add(Problem.of("category", "lovemarket.problem.categoryRequired"));
        } else if (c.length() > CATEGORY_MAX) {
            problems.add(Problem.of("category", "lovemarket.problem.categoryTooLong", CATEGORY_MAX));
        }
        if (d.length() > DESCRIPTION_MAX) {
            problems.add(Problem.of("description", "lovemarket.problem.swapDescriptionTooLong", DESCRIPTION_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new String[] { t, c, d };
    }

    /**
     * Whether a HAVE and a WANT suit each other: opposite kinds, same category, and a word in common in their
     * titles. Chinese is written without spaces, so words are Latin/digit runs and pairs of adjacent Han characters
     * (a single Han character counts when the title is one character).
     */
    static boolean matches(SwapEntry a, SwapEntry b) {
        if (a.kind() == b.kind() || a.ownerId() == b.ownerId()
                || !a.category().strip().equalsIgnoreCase(b.category().strip())) {
            return false;
        }
        Set<String> common = words(a.title());
        common.retainAll(words(b.title()));
        return !common.isEmpty();
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder();
        List<Integer> han = new ArrayList<>();
        for (int i = 0; i < lower.length();) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(latin, words);
                han.add(cp);
            } else {
                flushHan(han, words);
                if (Character.isLetterOrDigit(cp)) {
                    latin.appendCodePoint(cp);
                } else {
                    flush(latin, words);
                }
            }
        }
        flush(latin, words);
        flushHan(han, words);
        return words;
    }

    private static void flush(StringBuilder latin, Set<String> words) {
        if (latin.length() > 1) {
            words.add(latin.toString());
        }
        latin.setLength(0);
    }

    private static void flushHan(List<Integer> han, Set<String> words) {
        if (han.size() == 1) {
            words.add(new String(Character.toChars(han.get(0))));
        }
        for (int i = 0; i + 1 < han.size(); i++) {
            words.add(new String(Character.toChars(han.get(i))) + new String(Character.toChars(han.get(i + 1))));
        }
        han.clear();
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
