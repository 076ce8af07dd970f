package org.communitykiosk.deliberation.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Council.PollKind;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** What every deliberation screen shares: sizes, buttons, labels, dates, live refresh. */
final class Screens {

    static final String TEXT_SIZE = "var(--lumo-font-size-m)";
    static final String TITLE_SIZE = "var(--lumo-font-size-l)";
    static final String HEADING_SIZE = "var(--lumo-font-size-xl)";
    static final String HUGE_SIZE = "var(--lumo-font-size-xxxl)";
    static final String CONTENT_WIDTH = "960px";

    private Screens() {
    }

    static H2 heading(String text) {
        H2 heading = new H2(text);
        heading.getStyle().set("font-size", HEADING_SIZE).set("margin", "0");
        return heading;
    }

    static Button backButton(String id, String text, Runnable action) {
        Button back = bigButton(id, text, action);
        back.setIcon(VaadinIcon.ARROW_LEFT.create());
        return back;
    }

    static Button bigButton(String id, String text, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        return button;
    }

    static Paragraph text(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        if (id != null) {
            paragraph.setId(id);
        }
        textSize(paragraph, TEXT_SIZE);
        paragraph.getStyle().set("white-space", "pre-line").set("margin", "4px 0");
        return paragraph;
    }

    /** A state in words inside a frame: never colour alone. */
    static Span label(String text) {
        Span label = new Span(text);
        label.getStyle().set("display", "inline-block").set("border", "2px solid currentColor")
                .set("border-radius", "6px").set("padding", "0 10px").set("margin-right", "10px")
                .set("font-weight", "600").set("font-size", TEXT_SIZE).set("line-height", "1.5");
        return label;
    }

    static void textSize(HasStyle component, String size) {
        component.getStyle().set("font-size", size).set("line-height", "1.5");
    }

    static String dateTime(ViewContext context, Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(context.locale())
                .withZone(context.zone()).format(instant);
    }

    /** The label of an option: translated yes/no/abstain, or as staff typed it. */
    static String option(ViewContext context, Poll poll, int index) {
        if (poll.kind() == PollKind.YES_NO_ABSTAIN) {
            return context.text(switch (index) {
                case 0 -> "deliberation.choice.yes";
                case 1 -> "deliberation.choice.no";
                default -> "deliberation.choice.abstain";
            });
        }
        return poll.options().get(index);
    }

    static String choices(ViewContext context, Poll poll, List<Integer> choices) {
        if (choices.isEmpty()) {
            return context.text("deliberation.choice.blank");
        }
        return String.join("、", choices.stream().map(i -> option(context, poll, i)).toList());
    }

    /** A translated message for a failed write: the problems, or "please try again" for a database failure. */
    static String failure(ViewContext context, RuntimeException e) {
        if (e instanceof InvalidInputException refused) {
            return context.describe(refused);
        }
        if (e instanceof StoreException) {
            return context.text("deliberation.problem.store");
        }
        throw e;
    }

    /**
     * Where a meeting's door, booth or projector screen was opened without a meeting (an enrolled tablet's tile opens
     * it so): the meetings to choose from, each a big button to this screen for it.
     */
    static VerticalLayout meetingChoice(ViewContext context, Council council, String screen) {
        VerticalLayout choice = new VerticalLayout();
        choice.setId("deliberation-meeting-choice");
        choice.setPadding(false);
        choice.add(text("deliberation-meeting-missing", context.text("deliberation.meeting.missing")));
        if (!council.meetings().isEmpty()) {
            choice.add(text(null, context.text("deliberation.meeting.choose")));
        }
        for (Council.Meeting meeting : council.meetings()) {
            choice.add(bigButton("meeting-choice-" + meeting.id(), meeting.title() + " · "
                    + context.text("deliberation.meeting.when", dateTime(context, meeting.startsAt()), meeting.place()),
                    () -> context.navigate(screen + "/" + meeting.id())));
        }
        return choice;
    }

    /** The numeric first path segment ({@code screen/12}), if there is one. */
    static Optional<Long> idFromPath(ViewContext context) {
        List<String> segments = context.pathSegments();
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(segments.get(0)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps a screen current while it is shown: after every committed change of the meeting (server push through
     * {@code ui.access}, within a second) and once a second as a fallback for changes made by another JVM.
     */
    static void live(Component screen, PollEvents events, long meetingId, Runnable refresh) {
        screen.addAttachListener(attach -> {
            UI ui = attach.getUI();
            PollEvents.Registration registration = events.subscribe(meetingId, () -> {
                if (ui.isAttached()) {
                    ui.access(refresh::run);
                }
            });
            ui.setPollInterval(1000);
            com.vaadin.flow.shared.Registration polling = ui.addPollListener(poll -> refresh.run());
            screen.addDetachListener(detach -> {
                registration.close();
                polling.remove();
                ui.setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }

    /**
     * A big button showing a meeting's minutes as PDF in the shell's printout dialog (printed from there, gone with the
     * screen), made when tapped so it has every ballot counted by then; never a file in the browser's downloads.
     */
    static Button pdfLink(String id, ViewContext context, long meetingId, DeliberationPlugin.MinutesPdf pdf) {
        Button button = bigButton(id, context.text("deliberation.meeting.minutesPdf"), () -> {
            byte[] file;
            try {
                file = pdf.pdf(meetingId);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Screens.class).warn("minutes of meeting {} not printed: {}",
                        meetingId, e.toString());
                context.notify(context.text("deliberation.meeting.minutesPdfFailed"));
                return;
            }
            context.showPrintout("minutes-" + meetingId + ".pdf", file);
        });
        button.setIcon(VaadinIcon.PRINT.create());
        return button;
    }

    /**
     * What the room, the minutes and the PDF show of a closed poll's count beside its receipts: the seal its closing
     * transaction fixed (chain head, ballots, voters in the register); for a poll closed before polls were sealed, the
     * chain's last hash as recomputed now.
     */
    static List<String> sealLines(ViewContext context, Council council, long pollId) {
        return council.seal(pollId)
                .map(seal -> List.of(context.text("deliberation.screen.seal", seal.head()),
                        context.text("deliberation.screen.sealCounts", seal.ballots(), seal.registered())))
                .orElseGet(() -> List.of(context.text("deliberation.screen.chainHead",
                        VoteRules.head(council.chain(pollId)))));
    }

    /** The receipt codes of a closed poll's ballots, in code order (which says nothing about who or when). */
    static List<String> receipts(Council council, long pollId) {
        return council.chain(pollId).stream().map(Council.ChainEntry::receipt).toList();
    }
}
