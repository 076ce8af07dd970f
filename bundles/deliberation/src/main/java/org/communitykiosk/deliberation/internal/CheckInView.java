package org.communitykiosk.deliberation.internal;

import java.util.Optional;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.deliberation.internal.Council.CheckIn;
import org.communitykiosk.deliberation.internal.Council.MeetingStatus;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The door kiosk of a meeting ({@code checkin/<meeting id>}): residents tap their card; attendance and quorum are
 * shown live. No names on screen: the next person in the queue sees only "checked in".
 */
final class CheckInView extends VerticalLayout {

    private final ViewContext context;
    private final Council council;
    private final long meetingId;
    private final Paragraph present = Screens.text("checkin-present", "");
    private final Paragraph quorum = Screens.text("checkin-quorum", "");

    CheckInView(ViewContext context, Council council, Identification identification, PollEvents events) {
        this.context = context;
        this.council = council;
        setId("checkin");
        setMaxWidth(Screens.CONTENT_WIDTH);
        Optional<Long> id = Screens.idFromPath(context).filter(m -> council.meeting(m).isPresent());
        if (id.isEmpty()) {
            this.meetingId = -1;
            add(Screens.meetingChoice(context, council, DeliberationPlugin.CHECKIN));
            return;
        }
        this.meetingId = id.get();
        add(Screens.heading(council.meeting(meetingId).orElseThrow().title()));
        Paragraph prompt = Screens.text("checkin-prompt", context.text("deliberation.checkin.prompt"));
        Screens.textSize(prompt, Screens.HUGE_SIZE);
        Paragraph message = Screens.text("checkin-message", "");
        Screens.textSize(message, Screens.HEADING_SIZE);
        Screens.textSize(present, Screens.HEADING_SIZE);
        add(prompt, message, present, quorum);
        refresh();
        context.onCardTapped(token -> {
            Optional<Resident> resident = identification.byToken(token);
            if (resident.isEmpty()) {
                message.setText(context.text("deliberation.problem.card.unknown"));
                return;
            }
            try {
                CheckIn checkIn = council.checkIn(meetingId, resident.get(), context.session().actor());
                message.setText(context.text(checkIn.newly() ? "deliberation.checkin.done"
                        : "deliberation.checkin.already"));
            } catch (RuntimeException e) {
                message.setText(Screens.failure(context, e));
            }
            refresh();
        });
        Screens.live(this, events, meetingId, this::refresh);
    }

    private void refresh() {
        MeetingStatus status = council.status(meetingId);
        present.setText(context.text("deliberation.checkin.present", status.present()));
        quorum.setText(context.text(status.quorate() ? "deliberation.quorum.reached" : "deliberation.quorum.missing",
                status.meeting().quorum()));
    }
}
