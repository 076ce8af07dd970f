package org.communitykiosk.deliberation.internal;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.deliberation.internal.Council.Meeting;
import org.communitykiosk.deliberation.internal.Matters.Matter;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The public status board: every matter with its route (三事分流) and state until closed, and the council's meetings
 * (a tap opens the meeting's live screen). Raising and supporting are one tap away.
 */
final class BoardView extends VerticalLayout {

    BoardView(ViewContext context, Matters matters, Council council) {
        setId("deliberation-board");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.heading(context.text("deliberation.board.heading")));

        HorizontalLayout actions = new HorizontalLayout();
        actions.getStyle().set("flex-wrap", "wrap");
        actions.add(Screens.bigButton("deliberation-raise-link", context.text("deliberation.board.raise"),
                () -> context.navigate(DeliberationPlugin.RAISE)));
        actions.add(Screens.bigButton("deliberation-support-link", context.text("deliberation.board.support"),
                () -> context.navigate(DeliberationPlugin.SUPPORT)));
        if (context.session().permits(Audience.STAFF)) {
            actions.add(Screens.bigButton("deliberation-triage-link", context.text("deliberation.board.triage"),
                    () -> context.navigate(DeliberationPlugin.TRIAGE)));
            actions.add(Screens.bigButton("deliberation-meetings-link", context.text("deliberation.board.meetings"),
                    () -> context.navigate(DeliberationPlugin.MEETING)));
        }
        add(actions);

        add(Screens.heading(context.text("deliberation.board.meetingsHeading")));
        var meetings = council.meetings();
        if (meetings.isEmpty()) {
            add(Screens.text("deliberation-no-meetings", context.text("deliberation.board.noMeetings")));
        }
        for (Meeting meeting : meetings) {
            Div card = card("meeting-" + meeting.id());
            card.add(title(meeting.title()), Screens.text(null, context.text("deliberation.meeting.when",
                    Screens.dateTime(context, meeting.startsAt()), meeting.place())));
            card.addClickListener(click -> context.navigate(DeliberationPlugin.SCREEN + "/" + meeting.id()));
            add(card);
        }

        add(Screens.heading(context.text("deliberation.board.mattersHeading")));
        var all = matters.all();
        if (all.isEmpty()) {
            add(Screens.text("deliberation-no-matters", context.text("deliberation.board.noMatters")));
        }
        for (Matter matter : all) {
            Div card = card("matter-" + matter.id());
            H3 title = title("");
            title.removeAll();
            title.add(Screens.label(context.text("deliberation.state." + matter.state().name())));
            title.add(new com.vaadin.flow.component.html.Span(matter.title()));
            card.add(title, Screens.text(null, context.text("deliberation.matter.line",
                    context.text("deliberation.category." + matter.category().name()), matter.location(),
                    matter.supports())));
            if (matter.route() != null) {
                card.add(Screens.text(null, context.text("deliberation.route." + matter.route().name())
                        + (matter.referredTo() == null ? "" : " → " + matter.referredTo()) + "\n"
                        + context.text("deliberation.matter.reason", matter.reason())));
            }
            add(card);
        }
    }

    static Div card(String id) {
        Div card = new Div();
        card.setId(id);
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box").set("min-height", "80px").set("padding", "16px 20px")
                .set("border", "2px solid var(--lumo-contrast-30pct)").set("border-radius", "12px")
                .set("background", "var(--lumo-base-color)");
        return card;
    }

    static H3 title(String text) {
        H3 title = new H3(text);
        title.getStyle().set("margin", "0");
        Screens.textSize(title, Screens.TITLE_SIZE);
        return title;
    }
}
