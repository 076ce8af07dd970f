package org.communitykiosk.deliberation.internal;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.deliberation.internal.Matters.Matter;
import org.communitykiosk.deliberation.internal.Matters.Route;
import org.communitykiosk.deliberation.internal.Matters.State;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Staff sort raised matters (三事分流): big → a named government department, small → the council, private → mediation
 * or a service, each with a reason; and close matters that are done.
 */
final class TriageView extends VerticalLayout {

    private final ViewContext context;
    private final Matters matters;

    TriageView(ViewContext context, Matters matters) {
        this.context = context;
        this.matters = matters;
        setId("triage-list");
        setMaxWidth(Screens.CONTENT_WIDTH);
        render();
    }

    private void render() {
        removeAll();
        add(Screens.backButton("triage-back", context.text("deliberation.back"), () -> context.navigate("")));
        add(Screens.heading(context.text("deliberation.triage.heading")));
        for (Matter matter : matters.all()) {
            if (matter.state() == State.CLOSED) {
                continue;
            }
            Div card = BoardView.card("triage-" + matter.id());
            card.add(BoardView.title(matter.title()), Screens.text(null, matter.description()),
                    Screens.text(null, context.text("deliberation.matter.line",
                            context.text("deliberation.category." + matter.category().name()), matter.location(),
                            matter.supports()) + "\n" + context.text("deliberation.state." + matter.state().name())));
            if (matter.state() == State.RAISED) {
                RadioButtonGroup<Route> route = new RadioButtonGroup<>();
                route.setId("triage-route-" + matter.id());
                route.setItems(Route.values());
                route.setItemLabelGenerator(r -> context.text("deliberation.route." + r.name()));
                TextField referredTo = new TextField(context.text("deliberation.triage.referredTo"));
                referredTo.setId("triage-referred-" + matter.id());
                referredTo.setWidthFull();
                TextField reason = new TextField(context.text("deliberation.triage.reason"));
                reason.setId("triage-reason-" + matter.id());
                reason.setWidthFull();
                Paragraph error = Screens.text("triage-error-" + matter.id(), "");
                card.add(route, referredTo, reason, error, Screens.bigButton("triage-save-" + matter.id(),
                        context.text("deliberation.triage.save"), () -> {
                            try {
                                matters.triage(matter.id(), route.getValue(), referredTo.getValue(),
                                        reason.getValue(), context.session().actor());
                                context.notify(context.text("deliberation.triage.done"));
                                render();
                            } catch (RuntimeException e) {
                                error.setText(Screens.failure(context, e));
                            }
                        }));
            } else {
                card.add(Screens.bigButton("triage-close-" + matter.id(), context.text("deliberation.triage.close"),
                        () -> {
                            matters.close(matter.id(), context.session().actor());
                            render();
                        }));
            }
            add(card);
        }
    }
}
