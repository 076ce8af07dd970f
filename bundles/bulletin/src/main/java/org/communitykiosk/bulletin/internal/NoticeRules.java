package org.communitykiosk.bulletin.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;

/**
 * The one place that decides whether a draft is acceptable. The store applies it before every write; the form only
 * mirrors the limits (max lengths, earliest date) to help while typing.
 */
final class NoticeRules {

    static final int TITLE_MAX = 80;
    static final int BODY_MAX = 2000;

    /** Field names used in {@link Problem#field()}. */
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String EXPIRES_ON = "expiresOn";

    private NoticeRules() {
    }

    /**
     * @param today the community's today; an expiry date before it is refused
     * @return the draft as it is stored: title and body trimmed, line ends as {@code \n}
     * @throws InvalidInputException with every problem found
     */
    static NoticeDraft check(NoticeDraft draft, LocalDate today) {
        String title = clean(draft.title());
        String body = clean(draft.body());
        List<Problem> problems = new ArrayList<>();
        // String.length() counts UTF-16 units, which never undercounts what fits a VARCHAR in Derby or PostgreSQL
        if (title.isEmpty()) {
            problems.add(Problem.of(TITLE, "bulletin.problem.title.required"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(Problem.of(TITLE, "bulletin.problem.title.tooLong", TITLE_MAX));
        }
        if (body.isEmpty()) {
            problems.add(Problem.of(BODY, "bulletin.problem.body.required"));
        } else if (body.length() > BODY_MAX) {
            problems.add(Problem.of(BODY, "bulletin.problem.body.tooLong", BODY_MAX));
        }
        if (draft.expiresOn() != null && draft.expiresOn().isBefore(today)) {
            problems.add(Problem.of(EXPIRES_ON, "bulletin.problem.expiresOn.past"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NoticeDraft(title, body, draft.expiresOn(), draft.pinned());
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
