package org.communitykiosk.bulletin.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * One notice full screen, in large type, with a big button back to the board. Passers-by only see notices that are
 * on the board today; staff may also open unpublished and expired ones.
 */
final class NoticeView extends VerticalLayout {

    NoticeView(ViewContext context, NoticeBoard board, LocalDate today) {
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("notice-back", context.text("bulletin.notice.back"),
                () -> context.navigate(BulletinPlugin.BOARD)));

        boolean staff = context.session().permits(Audience.STAFF);
        Optional<Notice> shown = Screens.noticeFromPath(context, board)
                .filter(notice -> staff || notice.onBoard(today));
        if (shown.isEmpty()) {
            Paragraph missing = new Paragraph(context.text("bulletin.notice.missing"));
            missing.setId("notice-missing");
            Screens.textSize(missing, Screens.DETAIL_TEXT_SIZE);
            add(missing);
            return;
        }
        Notice notice = shown.get();

        Div states = new Div();
        if (notice.pinned()) {
            states.add(Screens.label(context.text("bulletin.state.pinned")));
        }
        if (!notice.published()) {
            states.add(Screens.label(context.text("bulletin.state.unpublished")));
        }
        if (notice.expiredOn(today)) {
            states.add(Screens.label(context.text("bulletin.state.expired")));
        }

        H2 title = new H2(notice.title());
        title.setId("notice-title");
        title.getStyle().set("margin", "0");
        Screens.textSize(title, Screens.DETAIL_TITLE_SIZE);

        Paragraph posted =
                new Paragraph(context.text("bulletin.board.posted", Screens.date(context, notice.createdAt())));
        Screens.textSize(posted, Screens.TEXT_SIZE);
        posted.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");

        // text only, never markup: whatever staff typed is shown as typed, line breaks kept
        Paragraph body = new Paragraph(notice.body());
        body.setId("notice-body");
        Screens.textSize(body, Screens.DETAIL_TEXT_SIZE);
        body.getStyle().set("white-space", "pre-line").set("line-height", "1.6");

        add(states, title, posted, body);
        if (notice.expiresOn() != null) {
            Paragraph expires =
                    new Paragraph(context.text("bulletin.notice.expires", Screens.date(context, notice.expiresOn())));
            Screens.textSize(expires, Screens.TEXT_SIZE);
            add(expires);
        }
    }
}
