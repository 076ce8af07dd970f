package org.communitykiosk.deliberation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.deliberation.internal.Council.MeetingStatus;
import org.communitykiosk.deliberation.internal.Council.Motion;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Council.PollResult;
import org.communitykiosk.deliberation.internal.Council.PollState;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The meeting room's projector ({@code screen/<meeting id>}, no sign-in, large type): attendance and quorum; while a
 * vote is open, ballots cast against voters present and the time it has been open; after closing, the result as bars
 * (plain boxes, no chart library) with the counts in numbers, and the receipt codes with their choices and the hash
 * chain. Updated by server push after every committed ballot.
 */
final class ProjectorView extends VerticalLayout {

    private final ViewContext context;
    private final Council council;
    private final Clock clock;
    private final long meetingId;
    private final Div body = new Div();

    ProjectorView(ViewContext context, Council council, PollEvents events, Clock clock) {
        this.context = context;
        this.council = council;
        this.clock = clock;
        setId("projector");
        // watched, never touched: the kiosk must not send it back to the home screen when nobody touches it
        addClassName("kiosk-live-screen");
        setWidthFull();
        Optional<Long> id = Screens.idFromPath(context).filter(m -> council.meeting(m).isPresent());
        this.meetingId = id.orElse(-1L);
        if (id.isEmpty()) {
            add(Screens.meetingChoice(context, council, DeliberationPlugin.SCREEN));
            return;
        }
        body.setWidthFull();
        add(body);
        refresh();
        Screens.live(this, events, meetingId, this::refresh);
    }

    private Paragraph big(String id, String text, String size) {
        Paragraph paragraph = Screens.text(id, text);
        Screens.textSize(paragraph, size);
        return paragraph;
    }

    void refresh() {
        body.removeAll();
        MeetingStatus status = council.status(meetingId);
        body.add(big("projector-meeting", status.meeting().title(), Screens.HUGE_SIZE));
        body.add(big("projector-present", context.text("deliberation.checkin.present", status.present()) + "  "
                + context.text(status.quorate() ? "deliberation.quorum.reached" : "deliberation.quorum.missing",
                        status.meeting().quorum()), Screens.HEADING_SIZE));
        List<Motion> motions = council.motions(meetingId);
        if (status.openPoll().isPresent()) {
            Poll poll = status.openPoll().get();
            body.add(big("projector-motion", title(motions, poll), Screens.HUGE_SIZE));
            body.add(big("projector-cast", context.text("deliberation.screen.cast", poll.ballotsCast(),
                    status.present()), Screens.HUGE_SIZE));
            Duration open = Duration.between(poll.openedAt(), clock.instant());
            body.add(big("projector-open-time", context.text("deliberation.screen.openFor",
                    String.format("%d:%02d", Math.max(0, open.toMinutes()), Math.max(0, open.toSecondsPart()))),
                    Screens.HEADING_SIZE));
            return;
        }
        Optional<Poll> last = motions.stream().map(Motion::poll).filter(p -> p.state() == PollState.CLOSED)
                .max(Comparator.comparing(Poll::closedAt));
        if (last.isEmpty()) {
            body.add(big("projector-waiting", context.text("deliberation.screen.waiting"), Screens.HEADING_SIZE));
            return;
        }
        Poll poll = last.get();
        PollResult result = council.result(poll.id());
        body.add(big("projector-motion", title(motions, poll), Screens.HUGE_SIZE));
        body.add(result(context, result, "projector"));
        Div receipts = new Div();
        receipts.setId("projector-receipts");
        receipts.getStyle().set("columns", "3").set("font-family", "monospace");
        // the codes alone: each voter finds theirs, nobody in the room reads what it held
        for (String receipt : Screens.receipts(council, poll.id())) {
            receipts.add(Screens.text(null, receipt));
        }
        body.add(big(null, context.text("deliberation.screen.receipts"), Screens.TITLE_SIZE), receipts);
        body.add(big("projector-chain-head", String.join("\n", Screens.sealLines(context, council, poll.id())),
                Screens.TEXT_SIZE));
    }

    static String title(List<Motion> motions, Poll poll) {
        return motions.stream().filter(m -> m.id() == poll.motionId()).map(Motion::title).findFirst().orElse("");
    }

    /** The result as bars of plain boxes with the numbers written out, and the outcome in words. */
    static Div result(ViewContext context, PollResult result, String idPrefix) {
        Div box = new Div();
        box.setId(idPrefix + "-result");
        box.setWidthFull();
        int max = Math.max(1, result.votes().stream().mapToInt(Integer::intValue).max().orElse(1));
        for (int i = 0; i < result.votes().size(); i++) {
            int votes = result.votes().get(i);
            Div row = new Div();
            row.setId(idPrefix + "-bar-" + i);
            row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "16px")
                    .set("margin", "8px 0");
            Span label = new Span(Screens.option(context, result.poll(), i)
                    + (result.winners().contains(i) ? " ✔" : ""));
            label.getStyle().set("min-width", "8em");
            Screens.textSize(label, Screens.HEADING_SIZE);
            Div bar = new Div();
            bar.getStyle().set("height", "48px").set("width", (votes * 70 / max) + "%")
                    .set("min-width", "4px").set("background", "var(--lumo-primary-color)")
                    .set("border", "2px solid var(--lumo-contrast)");
            Span count = new Span(String.valueOf(votes));
            Screens.textSize(count, Screens.HEADING_SIZE);
            row.add(label, bar, count);
            box.add(row);
        }
        Paragraph totals = Screens.text(idPrefix + "-totals", context.text("deliberation.result.totals",
                result.ballots(), result.electronic(), result.paper().map(p -> p.total()).orElse(0), result.blank(),
                result.invalid(), result.present()));
        Paragraph outcome = Screens.text(idPrefix + "-outcome",
                context.text("deliberation.outcome." + result.outcome().name()));
        Screens.textSize(outcome, Screens.HEADING_SIZE);
        box.add(totals, outcome);
        return box;
    }
}
