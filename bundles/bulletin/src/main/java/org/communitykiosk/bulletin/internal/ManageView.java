package org.communitykiosk.bulletin.internal;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Staff's list of every notice, with its state in words (published or not, expired, pinned), and a button to edit
 * and one to unpublish or publish again. New notices start here.
 */
final class ManageView extends VerticalLayout {

    private final ViewContext context;
    private final NoticeBoard board;
    private final LocalDate today;
    private final VerticalLayout rows = new VerticalLayout();

    ManageView(ViewContext context, NoticeBoard board, LocalDate today) {
        this.context = context;
        this.board = board;
        this.today = today;
        setId("bulletin-manage");
        setMaxWidth(Screens.CONTENT_WIDTH);

        Button create = Screens.bigButton("notice-new", context.text("bulletin.manage.new"),
                () -> context.navigate(BulletinPlugin.EDIT));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        rows.setPadding(false);
        add(Screens.backButton("manage-back", context.text("bulletin.notice.back"),
                () -> context.navigate(BulletinPlugin.BOARD)),
                Screens.heading(context.text("bulletin.manage.heading")), create, rows);
        showRows();
    }

    private void showRows() {
        rows.removeAll();
        List<Notice> notices = board.all();
        if (notices.isEmpty()) {
            Paragraph empty = new Paragraph(context.text("bulletin.manage.empty"));
            Screens.textSize(empty, Screens.TEXT_SIZE);
            rows.add(empty);
        }
        notices.forEach(notice -> rows.add(row(notice)));
    }

    private Div row(Notice notice) {
        Div states = new Div(Screens.label(context.text(
                notice.published() ? "bulletin.state.published" : "bulletin.state.unpublished")));
        if (notice.expiredOn(today)) {
            states.add(Screens.label(context.text("bulletin.state.expired")));
        }
        if (notice.pinned()) {
            states.add(Screens.label(context.text("bulletin.state.pinned")));
        }

        Span title = new Span(notice.title());
        Screens.textSize(title, Screens.TITLE_SIZE);
        title.getStyle().set("font-weight", "600");

        Paragraph dates = new Paragraph(notice.expiresOn() == null
                ? context.text("bulletin.manage.updated", Screens.date(context, notice.updatedAt()))
                : context.text("bulletin.manage.updatedExpires", Screens.date(context, notice.updatedAt()),
                        Screens.date(context, notice.expiresOn())));
        Screens.textSize(dates, Screens.TEXT_SIZE);
        dates.getStyle().set("margin", "0");

        Button edit = Screens.bigButton("notice-edit-" + notice.id(), context.text("bulletin.manage.edit"),
                () -> context.navigate(BulletinPlugin.EDIT + "/" + notice.id()));
        Button toggle = Screens.bigButton("notice-toggle-" + notice.id(),
                context.text(notice.published() ? "bulletin.manage.unpublish" : "bulletin.manage.publish"),
                () -> toggle(notice));
        HorizontalLayout actions = new HorizontalLayout(edit, toggle);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        Div row = new Div(states, title, dates, actions);
        row.setId("notice-row-" + notice.id());
        row.setWidthFull();
        row.getStyle().set("box-sizing", "border-box").set("padding", "16px 20px")
                .set("border", "2px solid var(--lumo-contrast-30pct)").set("border-radius", "12px")
                .set("display", "flex").set("flex-direction", "column").set("gap", "8px");
        return row;
    }

    private void toggle(Notice notice) {
        Notice changed = board.setPublished(notice.id(), !notice.published(), context.session().actor());
        context.notify(context.text(changed.published() ? "bulletin.manage.published" : "bulletin.manage.unpublished",
                changed.title()));
        showRows();
    }
}
