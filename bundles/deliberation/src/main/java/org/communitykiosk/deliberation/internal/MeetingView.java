package org.communitykiosk.deliberation.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.MajorityRule;
import org.communitykiosk.deliberation.internal.Council.Meeting;
import org.communitykiosk.deliberation.internal.Council.MeetingDraft;
import org.communitykiosk.deliberation.internal.Council.MeetingStatus;
import org.communitykiosk.deliberation.internal.Council.Motion;
import org.communitykiosk.deliberation.internal.Council.MotionDraft;
import org.communitykiosk.deliberation.internal.Council.PaperTotals;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Council.PollKind;
import org.communitykiosk.deliberation.internal.Council.PollState;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Staff run meetings: {@code meeting} lists them and creates one; {@code meeting/<id>} is the chair's screen with the
 * agenda, opening and closing each vote, paper ballots, results, and the links to the door, booth, projector and
 * minutes screens.
 */
final class MeetingView extends VerticalLayout {

    private final ViewContext context;
    private final Council council;
    private final Matters matters;

    private final Optional<DeliberationPlugin.MinutesPdf> minutesPdf;

    MeetingView(ViewContext context, Council council, Matters matters, int defaultQuorum,
            Optional<DeliberationPlugin.MinutesPdf> minutesPdf) {
        this.context = context;
        this.minutesPdf = minutesPdf;
        this.council = council;
        this.matters = matters;
        setMaxWidth(Screens.CONTENT_WIDTH);
        Optional<Long> id = Screens.idFromPath(context);
        if (id.isPresent()) {
            setId("meeting-detail");
            detail(id.get());
        } else {
            setId("meetings");
            list(defaultQuorum);
        }
    }

    private void list(int defaultQuorum) {
        add(Screens.backButton("meeting-back", context.text("deliberation.back"), () -> context.navigate("")));
        add(Screens.heading(context.text("deliberation.meetings.heading")));
        for (Meeting meeting : council.meetings()) {
            add(Screens.bigButton("meeting-row-" + meeting.id(), meeting.title() + " · "
                    + Screens.dateTime(context, meeting.startsAt()),
                    () -> context.navigate(DeliberationPlugin.MEETING + "/" + meeting.id())));
        }
        add(Screens.heading(context.text("deliberation.meetings.new")));
        TextField title = new TextField(context.text("deliberation.meetings.title"));
        title.setId("meeting-title");
        title.setWidthFull();
        DateTimePicker startsAt = new DateTimePicker(context.text("deliberation.meetings.startsAt"));
        startsAt.setId("meeting-starts");
        startsAt.setLocale(context.locale());
        TextField place = new TextField(context.text("deliberation.meetings.place"));
        place.setId("meeting-place");
        place.setWidthFull();
        Select<Eligibility> eligibility = new Select<>();
        eligibility.setId("meeting-eligibility");
        eligibility.setLabel(context.text("deliberation.meetings.eligibility"));
        // a grid meeting only when grids are configured: otherwise the choice could only be refused
        Map<String, List<String>> grids = council.grids();
        eligibility.setItems(Arrays.stream(Eligibility.values())
                .filter(e -> e != Eligibility.GRID || !grids.isEmpty()).toList());
        eligibility.setItemLabelGenerator(e -> context.text("deliberation.eligibility." + e.name()));
        eligibility.setValue(Eligibility.ALL);
        TextField building = new TextField(context.text("deliberation.meetings.building"));
        building.setId("meeting-building");
        Select<String> grid = new Select<>();
        grid.setId("meeting-grid");
        grid.setLabel(context.text("deliberation.meetings.grid"));
        grid.setItems(grids.keySet());
        grid.setItemLabelGenerator(name -> context.text("deliberation.meetings.gridItem", name,
                String.join(", ", grids.get(name))));
        grid.setVisible(false);
        building.setVisible(false);
        eligibility.addValueChangeListener(e -> {
            building.setVisible(e.getValue() == Eligibility.BUILDING);
            grid.setVisible(e.getValue() == Eligibility.GRID);
        });
        IntegerField quorum = new IntegerField(context.text("deliberation.meetings.quorum"));
        quorum.setId("meeting-quorum");
        quorum.setValue(defaultQuorum);
        quorum.setMin(0);
        Paragraph error = Screens.text("meeting-error", "");
        add(title, startsAt, place, eligibility, building, grid, quorum, error,
                Screens.bigButton("meeting-create", context.text("deliberation.meetings.create"), () -> {
                    try {
                        ZoneId zone = context.zone();
                        Meeting meeting = council.createMeeting(new MeetingDraft(title.getValue(),
                                startsAt.getValue() == null ? null : startsAt.getValue().atZone(zone).toInstant(),
                                place.getValue(), eligibility.getValue(), building.getValue(), quorum.getValue(),
                                grid.getValue()),
                                context.session().actor());
                        context.navigate(DeliberationPlugin.MEETING + "/" + meeting.id());
                    } catch (RuntimeException e) {
                        error.setText(Screens.failure(context, e));
                    }
                }));
    }

    private void detail(long meetingId) {
        removeAll();
        add(Screens.backButton("meeting-back", context.text("deliberation.back"),
                () -> context.navigate(DeliberationPlugin.MEETING)));
        Optional<Meeting> found = council.meeting(meetingId);
        if (found.isEmpty()) {
            add(Screens.text("deliberation-meeting-missing", context.text("deliberation.meeting.missing")));
            return;
        }
        Meeting meeting = found.get();
        MeetingStatus status = council.status(meetingId);
        add(Screens.heading(meeting.title()));
        add(Screens.text("meeting-status", context.text("deliberation.meeting.when",
                Screens.dateTime(context, meeting.startsAt()), meeting.place()) + "\n"
                + context.text("deliberation.eligibility." + meeting.eligibility().name())
                + (meeting.building() == null ? "" : " " + meeting.building())
                + (meeting.grid() == null ? "" : " " + context.text("deliberation.meetings.gridItem", meeting.grid(),
                        String.join(", ", meeting.gridBuildings()))) + "\n"
                + context.text("deliberation.checkin.present", status.present()) + "  "
                + context.text(status.quorate() ? "deliberation.quorum.reached" : "deliberation.quorum.missing",
                        meeting.quorum())));
        HorizontalLayout links = new HorizontalLayout();
        links.getStyle().set("flex-wrap", "wrap");
        links.add(Screens.bigButton("checkin-link", context.text("deliberation.meeting.checkin"),
                () -> context.navigate(DeliberationPlugin.CHECKIN + "/" + meetingId)),
                Screens.bigButton("vote-link", context.text("deliberation.meeting.booth"),
                        () -> context.navigate(DeliberationPlugin.VOTE + "/" + meetingId)),
                Screens.bigButton("screen-link", context.text("deliberation.meeting.screen"),
                        () -> context.navigate(DeliberationPlugin.SCREEN + "/" + meetingId)),
                Screens.bigButton("minutes-link", context.text("deliberation.meeting.minutes"),
                        () -> context.navigate(DeliberationPlugin.MINUTES + "/" + meetingId)));
        minutesPdf.ifPresent(pdf -> links.add(Screens.pdfLink("minutes-pdf", context, meetingId, pdf)));
        add(links);
        Paragraph error = Screens.text("motion-error", "");
        add(error);
        for (Motion motion : council.motions(meetingId)) {
            add(motionCard(meetingId, motion, error));
        }
        add(agendaMatters(meetingId, error));
        add(motionForm(meetingId));
    }

    /** Small matters that reached the support threshold: one tap puts each on this meeting's agenda as a motion. */
    private VerticalLayout agendaMatters(long meetingId, Paragraph error) {
        VerticalLayout list = new VerticalLayout();
        list.setId("agenda-matters");
        list.setPadding(false);
        List<String> onAgenda = council.motions(meetingId).stream().map(Motion::title).toList();
        for (Matters.Matter matter : matters.all()) {
            if (matter.state() != Matters.State.AGENDA || onAgenda.contains(matter.title())) {
                continue;
            }
            list.add(Screens.bigButton("agenda-add-" + matter.id(),
                    context.text("deliberation.motion.fromMatter", matter.title(), matter.supports()),
                    () -> act(() -> council.addMotion(meetingId, new MotionDraft(matter.title(),
                            PollKind.YES_NO_ABSTAIN, List.of(), 1, true, MajorityRule.CAST),
                            context.session().actor()), error, () -> detail(meetingId))));
        }
        return list;
    }

    private Div motionCard(long meetingId, Motion motion, Paragraph error) {
        Poll poll = motion.poll();
        Div card = BoardView.card("motion-" + motion.id());
        card.add(BoardView.title(motion.position() + ". " + motion.title()));
        card.add(Screens.text(null, context.text("deliberation.kind." + poll.kind().name()) + " · "
                + context.text(poll.secret() ? "deliberation.poll.secret" : "deliberation.poll.named") + " · "
                + context.text("deliberation.rule." + poll.rule().name()) + " · "
                + context.text("deliberation.pollState." + poll.state().name())));
        Runnable reload = () -> detail(meetingId);
        if (poll.state() == PollState.PENDING) {
            card.add(Screens.bigButton("poll-open-" + poll.id(), context.text("deliberation.poll.open"),
                    () -> act(() -> council.openPoll(poll.id(), context.session().actor()), error, reload)));
        } else if (poll.state() == PollState.OPEN) {
            card.add(Screens.text("poll-cast-" + poll.id(), context.text("deliberation.screen.cast",
                    poll.ballotsCast(), council.status(meetingId).present())));
            card.add(Screens.bigButton("poll-close-" + poll.id(), context.text("deliberation.poll.close"),
                    () -> act(() -> council.closePoll(poll.id(), context.session().actor()), error, reload)));
        } else {
            var result = council.result(poll.id());
            card.add(ProjectorView.result(context, result, "poll-" + poll.id()));
            if (result.paper().isEmpty()) {
                card.add(paperForm(poll, error, reload));
            }
            Paragraph verified = Screens.text("poll-verified-" + poll.id(), "");
            card.add(Screens.bigButton("poll-verify-" + poll.id(), context.text("deliberation.poll.verify"),
                    () -> act(() -> verified.setText(verdict(council.verify(poll.id(), context.session().actor()))),
                            error, () -> { })), verified);
        }
        return card;
    }

    private VerticalLayout paperForm(Poll poll, Paragraph error, Runnable reload) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.add(Screens.text(null, context.text("deliberation.paper.heading")));
        IntegerField total = number("paper-total-" + poll.id(), "deliberation.paper.total");
        IntegerField valid = number("paper-valid-" + poll.id(), "deliberation.paper.valid");
        IntegerField blank = number("paper-blank-" + poll.id(), "deliberation.paper.blank");
        IntegerField invalid = number("paper-invalid-" + poll.id(), "deliberation.paper.invalid");
        HorizontalLayout sums = new HorizontalLayout(total, valid, blank, invalid);
        sums.getStyle().set("flex-wrap", "wrap");
        form.add(sums);
        List<IntegerField> options = new ArrayList<>();
        HorizontalLayout optionRow = new HorizontalLayout();
        optionRow.getStyle().set("flex-wrap", "wrap");
        for (int i = 0; i < poll.optionCount(); i++) {
            IntegerField field = new IntegerField(Screens.option(context, poll, i));
            field.setId("paper-option-" + poll.id() + "-" + i);
            field.setValue(0);
            options.add(field);
            optionRow.add(field);
        }
        form.add(optionRow, Screens.bigButton("paper-add-" + poll.id(), context.text("deliberation.paper.add"),
                () -> act(() -> council.addPaper(poll.id(), new PaperTotals(value(total), value(valid), value(blank),
                        value(invalid), options.stream().map(MeetingView::value).toList()),
                        context.session().actor()), error, reload)));
        return form;
    }

    private VerticalLayout motionForm(long meetingId) {
        VerticalLayout form = new VerticalLayout();
        form.setId("motion-form");
        form.setPadding(false);
        form.add(Screens.heading(context.text("deliberation.motion.new")));
        TextField title = new TextField(context.text("deliberation.motion.title"));
        title.setId("motion-title");
        title.setWidthFull();
        Select<PollKind> kind = new Select<>();
        kind.setId("motion-kind");
        kind.setLabel(context.text("deliberation.motion.kind"));
        kind.setItems(PollKind.values());
        kind.setItemLabelGenerator(k -> context.text("deliberation.kind." + k.name()));
        kind.setValue(PollKind.YES_NO_ABSTAIN);
        TextArea options = new TextArea(context.text("deliberation.motion.options"));
        options.setId("motion-options");
        options.setWidthFull();
        IntegerField maxChoices = new IntegerField(context.text("deliberation.motion.maxChoices"));
        maxChoices.setId("motion-max");
        maxChoices.setValue(1);
        Checkbox secret = new Checkbox(context.text("deliberation.poll.secret"), true);
        secret.setId("motion-secret");
        Select<MajorityRule> rule = new Select<>();
        rule.setId("motion-rule");
        rule.setLabel(context.text("deliberation.motion.rule"));
        rule.setItems(MajorityRule.values());
        rule.setItemLabelGenerator(r -> context.text("deliberation.rule." + r.name()));
        rule.setValue(MajorityRule.CAST);
        Paragraph error = Screens.text("motion-form-error", "");
        form.add(title, kind, options, maxChoices, secret, rule, error,
                Screens.bigButton("motion-add", context.text("deliberation.motion.add"), () -> act(
                        () -> council.addMotion(meetingId, new MotionDraft(title.getValue(), kind.getValue(),
                                Arrays.asList(options.getValue().split("\n")),
                                maxChoices.getValue() == null ? 0 : maxChoices.getValue(), secret.getValue(),
                                rule.getValue()), context.session().actor()),
                        error, () -> detail(meetingId))));
        return form;
    }

    private IntegerField number(String id, String key) {
        IntegerField field = new IntegerField(context.text(key));
        field.setId(id);
        field.setValue(0);
        field.setMin(0);
        return field;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    /** A closed poll's stored ballots against its seal, in words (never colour alone). */
    private String verdict(Council.Verification verification) {
        if (verification.seal().isEmpty()) {
            return context.text("deliberation.verify.unsealed", verification.ballots());
        }
        Council.Seal seal = verification.seal().get();
        return verification.intact() ? context.text("deliberation.verify.intact", verification.ballots(), seal.head())
                : context.text("deliberation.verify.broken", verification.ballots(), seal.ballots(), seal.head(),
                        verification.head());
    }

    private void act(Runnable action, Paragraph error, Runnable after) {
        try {
            action.run();
            after.run();
        } catch (RuntimeException e) {
            error.setText(Screens.failure(context, e));
        }
    }
}
