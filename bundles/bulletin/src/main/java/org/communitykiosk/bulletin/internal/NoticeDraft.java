package org.communitykiosk.bulletin.internal;

import java.time.LocalDate;

/**
 * What staff enter to post or edit a notice, checked by {@link NoticeRules}.
 *
 * @param expiresOn last day on the board, {@code null} for no end
 */
public record NoticeDraft(String title, String body, LocalDate expiresOn, boolean pinned) {
}
