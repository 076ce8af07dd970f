package org.communitykiosk.deliberation.internal;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.deliberation.internal.Matters.Matter;
import org.communitykiosk.deliberation.internal.Matters.State;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A resident supports small matters, once each; enough support puts a matter on the next agenda. */
final class SupportView extends VerticalLayout {

    SupportView(ViewContext context, Matters matters) {
        setId("support-list");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("support-back", context.text("deliberation.back"), () -> context.navigate("")));
        add(Screens.heading(context.text("deliberation.support.heading")));
        add(Screens.text(null, context.text("deliberation.support.explain", matters.supportThreshold())));
        Paragraph message = Screens.text("support-message", "");
        add(message);
        boolean any = false;
        for (Matter matter : matters.all()) {
            if (matter.state() != State.COUNCIL && matter.state() != State.AGENDA) {
                continue;
            }
            any = true;
            Div card = BoardView.card("support-matter-" + matter.id());
            Paragraph count = Screens.text(null, context.text("deliberation.support.count", matter.supports(),
                    matters.supportThreshold()));
            card.add(BoardView.title(matter.title()), Screens.text(null, matter.description()), count,
                    Screens.bigButton("support-" + matter.id(), context.text("deliberation.support.button"), () -> {
                        try {
                            Resident resident = context.session().resident().orElseThrow(
                                    () -> org.communitykiosk.api.InvalidInputException.of(null,
                                            "deliberation.problem.residentOnly"));
                            Matter supported = matters.support(matter.id(), resident);
                            count.setText(context.text("deliberation.support.count", supported.supports(),
                                    matters.supportThreshold()));
                            message.setText(context.text(supported.state() == State.AGENDA
                                    ? "deliberation.support.onAgenda" : "deliberation.support.done"));
                        } catch (RuntimeException e) {
                            message.setText(Screens.failure(context, e));
                        }
                    }));
            add(card);
        }
        if (!any) {
            add(Screens.text("support-empty", context.text("deliberation.support.empty")));
        }
    }
}
