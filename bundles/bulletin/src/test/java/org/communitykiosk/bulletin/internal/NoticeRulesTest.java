package org.communitykiosk.bulletin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.junit.jupiter.api.Test;

class NoticeRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

    @Test
    void acceptsAndTrims() {
        NoticeDraft clean = NoticeRules.check(new NoticeDraft("  停水通知 ", "\r\n明天停水。\r\n请储水。\n ", TODAY, true),
                TODAY);
        assertEquals(new NoticeDraft("停水通知", "明天停水。\n请储水。", TODAY, true), clean);
    }

    @Test
    void lengthsUpToTheLimitAreAccepted() {
        NoticeRules.check(new NoticeDraft("题".repeat(80), "文".repeat(2000), null, false), TODAY);
    }

    @Test
    void titleRequired() {
        assertProblems(new NoticeDraft(" ", "body", null, false), Problem.of("title", "bulletin.problem.title.required"));
        assertProblems(new NoticeDraft(null, "body", null, false), Problem.of("title", "bulletin.problem.title.required"));
    }

    @Test
    void titleTooLong() {
        assertProblems(new NoticeDraft("题".repeat(81), "body", null, false),
                Problem.of("title", "bulletin.problem.title.tooLong", 80));
    }

    @Test
    void bodyRequired() {
        assertProblems(new NoticeDraft("title", "\n \n", null, false), Problem.of("body", "bulletin.problem.body.required"));
    }

    @Test
    void bodyTooLong() {
        assertProblems(new NoticeDraft("title", "文".repeat(2001), null, false),
                Problem.of("body", "bulletin.problem.body.tooLong", 2000));
    }

    @Test
    void expiryNotInThePast() {
        assertProblems(new NoticeDraft("title", "body", TODAY.minusDays(1), false),
                Problem.of("expiresOn", "bulletin.problem.expiresOn.past"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertProblems(new NoticeDraft("", "", TODAY.minusDays(1), false),
                Problem.of("title", "bulletin.problem.title.required"),
                Problem.of("body", "bulletin.problem.body.required"),
                Problem.of("expiresOn", "bulletin.problem.expiresOn.past"));
    }

    private static void assertProblems(NoticeDraft draft, Problem... expected) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> NoticeRules.check(draft, TODAY));
        assertEquals(List.of(expected), refused.problems());
    }
}
