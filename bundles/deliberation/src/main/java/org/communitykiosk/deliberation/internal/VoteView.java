package org.communitykiosk.deliberation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.deliberation.internal.Council.Motion;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Council.PollKind;
import org.communitykiosk.deliberation.internal.Council.Receipt;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A voting booth ({@code vote/<meeting id>}): the voter taps their card, sees the open motion, taps a big choice
 * button (or up to K candidates and "submit"), sees "your vote is recorded" with the receipt code once the ballot is
 * committed, and the booth resets for the next voter after {@value #RECEIPT_SECONDS} seconds, at the voter's next touch
 * anywhere on the screen, or with "next". The receipt is for the voter's eyes only: behind the booth, briefly, and
 * gone before the next person steps up (it says which ballot is theirs in the published list, not what it holds).
 */
final class VoteView extends VerticalLayout {

    static final int RECEIPT_SECONDS = 5;
    /** A ballot left on screen by a voter who walked away is taken down, so the next person cannot use it. */
    static final int BALLOT_SECONDS = 90;

    private final ViewContext context;
    private final Council council;
    private final Identification identification;
    private final PollEvents events;
    private final long meetingId;
    /** Counts ballots shown, so that a stale reset timer does not clear the next voter's screen. */
    private int screenNumber;

    VoteView(ViewContext context, Council council, Identification identification, PollEvents events) {
        this.context = context;
        this.council = council;
        this.identification = identification;
        this.events = events;
        setId("vote-booth");
        setMaxWidth(Screens.CONTENT_WIDTH);
        setAlignItems(Alignment.STRETCH);
        Optional<Long> id = Screens.idFromPath(context).filter(m -> council.meeting(m).isPresent());
        this.meetingId = id.orElse(-1L);
        if (id.isEmpty()) {
            add(Screens.meetingChoice(context, council, DeliberationPlugin.VOTE));
            return;
        }
        waiting(null);
        context.onCardTapped(this::cardTapped);
    }

    private void waiting(String message) {
        screenNumber++;
        removeAll();
        add(Screens.heading(council.meeting(meetingId).orElseThrow().title()));
        Paragraph prompt = Screens.text("vote-prompt", context.text("deliberation.vote.prompt"));
        Screens.textSize(prompt, Screens.HUGE_SIZE);
        add(prompt);
        Paragraph problem = Screens.text("vote-message", message == null ? "" : message);
        Screens.textSize(problem, Screens.HEADING_SIZE);
        add(problem);
    }

    private void cardTapped(String token) {
        Optional<Resident> voter = identification.byToken(token);
        if (voter.isEmpty()) {
            waiting(context.text("deliberation.problem.card.unknown"));
            return;
        }
        Optional<Poll> open = council.status(meetingId).openPoll();
        if (open.isEmpty()) {
            waiting(context.text("deliberation.vote.noOpenPoll"));
            return;
        }
        try {
            council.checkVoter(open.get().id(), voter.get());
        } catch (RuntimeException e) {
            waiting(Screens.failure(context, e));
            return;
        }
        ballot(open.get(), voter.get());
    }

    private void ballot(Poll poll, Resident voter) {
        screenNumber++;
        removeAll();
        String title = council.motions(meetingId).stream().filter(m -> m.id() == poll.motionId())
                .map(Motion::title).findFirst().orElse("");
        Paragraph question = Screens.text("vote-question", title);
        Screens.textSize(question, Screens.HEADING_SIZE);
        add(question);
        Paragraph message = Screens.text("vote-message", poll.kind() == PollKind.UP_TO_K
                ? context.text("deliberation.vote.upToK", poll.maxChoices()) : context.text("deliberation.vote.one"));
        add(message);
        TreeSet<Integer> chosen = new TreeSet<>();
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < poll.optionCount(); i++) {
            int option = i;
            String label = Screens.option(context, poll, i);
            Button button = Screens.bigButton("vote-choice-" + i, label, () -> { });
            button.setWidthFull();
            button.getStyle().set("min-height", "96px");
            Screens.textSize(button, Screens.HEADING_SIZE);
            if (poll.kind() == PollKind.UP_TO_K) {
                button.addClickListener(click -> {
                    if (!chosen.remove(option)) {
                        chosen.add(option);
                    }
                    // chosen in words and in the variant: never colour alone
                    button.setText((chosen.contains(option) ? "✔ " : "") + label);
                    if (chosen.contains(option)) {
                        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    } else {
                        button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    }
                });
            } else {
                button.addClickListener(click -> submit(poll, voter, List.of(option), buttons));
            }
            buttons.add(button);
            add(button);
        }
        if (poll.kind() == PollKind.UP_TO_K) {
            Button submit = Screens.bigButton("vote-submit", context.text("deliberation.vote.submit"),
                    () -> submit(poll, voter, List.copyOf(chosen), buttons));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(submit);
            add(submit);
        }
        add(Screens.bigButton("vote-cancel", context.text("deliberation.vote.cancel"), () -> waiting(null)));
        resetLater(BALLOT_SECONDS);
    }

    /** Back to "tap your card" after the delay, unless the screen has moved on meanwhile. */
    private void resetLater(int seconds) {
        int shown = screenNumber;
        UI ui = UI.getCurrent();
        if (ui != null) {
            events.later(Duration.ofSeconds(seconds), () -> ui.access(() -> {
                if (screenNumber == shown) {
                    waiting(null);
                }
            }));
        }
    }

    private void submit(Poll poll, Resident voter, List<Integer> choices, List<Button> buttons) {
        buttons.forEach(b -> b.setEnabled(false)); // a double tap cannot send a second ballot
        Receipt receipt;
        try {
            receipt = council.cast(poll.id(), voter, choices);
        } catch (RuntimeException e) {
            waiting(Screens.failure(context, e));
            return;
        }
        screenNumber++;
        removeAll();
        Paragraph recorded = Screens.text("vote-recorded", context.text("deliberation.vote.recorded"));
        Screens.textSize(recorded, Screens.HUGE_SIZE);
        Paragraph code = Screens.text("vote-receipt", receipt.code());
        Screens.textSize(code, Screens.HUGE_SIZE);
        code.getStyle().set("font-family", "monospace").set("letter-spacing", "0.2em");
        // the whole screen takes the receipt down at the voter's next touch, "next" included (its tap reaches the
        // screen's listener); the tap that cast the ballot was on the ballot, which is gone
        VerticalLayout shown = new VerticalLayout(recorded, Screens.text(null, context.text("deliberation.vote.receipt")),
                code, Screens.bigButton("vote-next", context.text("deliberation.vote.next"), () -> { }));
        shown.setId("vote-receipt-screen");
        shown.setPadding(false);
        shown.setMinHeight("70vh");
        shown.addClickListener(touch -> waiting(null));
        add(shown);
        resetLater(RECEIPT_SECONDS);
    }
}
