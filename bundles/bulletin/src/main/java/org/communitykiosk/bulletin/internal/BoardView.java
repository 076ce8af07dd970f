package org.communitykiosk.bulletin.internal;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The public board: today's notices as large cards, pinned first, then newest first. A tap opens the notice. No back
 * button of its own: the shell's big home button is on every screen, and the board is the plugin's first screen.
 */
final class BoardView extends VerticalLayout {

    BoardView(ViewContext context, NoticeBoard board, LocalDate today) {
        setId("bulletin-board");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.heading(context.text("bulletin.board.heading")));

        List<Notice> notices = board.current(today);
        if (notices.isEmpty()) {
            Paragraph empty = new Paragraph(context.text("bulletin.board.empty"));
            Screens.textSize(empty, Screens.TEXT_SIZE);
            add(empty);
        }
        notices.forEach(notice -> add(card(context, notice)));

        if (context.session().permits(Audience.STAFF)) {
            add(Screens.bigButton("bulletin-manage-link", context.text("bulletin.board.manage"),
                    () -> context.navigate(BulletinPlugin.MANAGE)));
        }
    }

    /** The whole card is the touch target. */
    private static Div card(ViewContext context, Notice notice) {
        Div card = new Div();
        card.setId("notice-" + notice.id());
        card.setWidthFull();
        card.getElement().setAttribute("role", "button");
        card.getStyle().set("box-sizing", "border-box").set("min-height", "80px").set("padding", "16px 20px")
                .set("border", "2px solid var(--lumo-contrast-30pct)").set("border-radius", "12px")
                .set("background", "var(--lumo-base-color)").set("cursor", "pointer");

        H3 title = new H3();
        title.getStyle().set("margin", "0");
        Screens.textSize(title, Screens.TITLE_SIZE);
        if (notice.pinned()) {
            title.add(Screens.label(context.text("bulletin.state.pinned")));
        }
        title.add(new Span(notice.title()));

        // two lines of the body as a preview; the full text is one tap away
        Paragraph preview = new Paragraph(notice.body());
        Screens.textSize(preview, Screens.TEXT_SIZE);
        preview.getStyle().set("margin", "8px 0 0").set("white-space", "pre-line").set("overflow", "hidden")
                .set("display", "-webkit-box").set("-webkit-line-clamp", "2").set("-webkit-box-orient", "vertical");

        Paragraph posted =
                new Paragraph(context.text("bulletin.board.posted", Screens.date(context, notice.createdAt())));
        Screens.textSize(posted, Screens.TEXT_SIZE);
        posted.getStyle().set("margin", "8px 0 0").set("color", "var(--lumo-secondary-text-color)");

        card.add(title, preview, posted);
        card.addClickListener(click -> context.navigate(BulletinPlugin.NOTICE + "/" + notice.id()));
        return card;
    }
}
