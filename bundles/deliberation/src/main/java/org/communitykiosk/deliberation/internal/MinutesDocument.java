package org.communitykiosk.deliberation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.Meeting;
import org.communitykiosk.deliberation.internal.Council.Motion;
import org.communitykiosk.deliberation.internal.Council.PaperTotals;
import org.communitykiosk.deliberation.internal.Council.PollResult;
import org.communitykiosk.deliberation.internal.Council.PollState;
import org.communitykiosk.print.Printout;
import org.communitykiosk.print.Printout.Block;
import org.communitykiosk.print.Printout.Heading;
import org.communitykiosk.print.Printout.SignatureLines;
import org.communitykiosk.print.Printout.Table;
import org.communitykiosk.print.Printout.Text;

/**
 * The minutes of a meeting (会议纪要) as a {@link Printout} for the print service: attendance against the eligible
 * voters, each motion with its rule, counts (paper ballots valid, blank, invalid), result, named votes (a named poll
 * only), the published receipts with their choices and the hash chain's last hash, and lines for the chair, the
 * recorder and two resident representatives to sign.
 * <p>
 * {@link #printout} is pure (the facts in, the document out) so its content is tested without rendering a PDF;
 * {@link #facts} reads them from the council and the resident register.
 */
final class MinutesDocument {

    /** A resident's vote in a named poll, by name. */
    record NamedLine(String name, List<Integer> choices) {
    }

    /**
     * One motion: its result and published receipts once the vote is closed; named votes only for a named poll.
     */
    record MotionFacts(Motion motion, Optional<PollResult> result, List<String> receipts, List<String> seal,
            List<NamedLine> named) {
    }

    /**
     * @param eligible voters who may attend: residents, or households for one vote per household
     * @param attendees names of the residents who checked in, in check-in order
     */
    record Facts(Meeting meeting, int eligible, int present, List<String> attendees, List<MotionFacts> motions) {
    }

    private MinutesDocument() {
    }

    static Facts facts(ViewContext context, Council council, ResidentDirectory residents, long meetingId) {
        Meeting meeting = council.meeting(meetingId).orElseThrow();
        List<String> attendees = council.attendees(meetingId).stream()
                .map(id -> residents.byId(id).map(Resident::name).orElse("#" + id)).toList();
        List<MotionFacts> motions = new ArrayList<>();
        for (Motion motion : council.motions(meetingId)) {
            if (motion.poll().state() != PollState.CLOSED) {
                motions.add(new MotionFacts(motion, Optional.empty(), List.of(), List.of(), List.of()));
                continue;
            }
            long pollId = motion.poll().id();
            // a secret poll has no named votes in the store; asking only for named polls says so here as well
            List<NamedLine> named = motion.poll().secret() ? List.of() : council.namedVotes(pollId).stream()
                    .map(v -> new NamedLine(residents.byId(v.residentId()).map(Resident::name)
                            .orElse("#" + v.residentId()), v.choices()))
                    .toList();
            motions.add(new MotionFacts(motion, Optional.of(council.result(pollId)), Screens.receipts(council, pollId),
                    Screens.sealLines(context, council, pollId), named));
        }
        return new Facts(meeting, eligible(residents, meeting), council.status(meetingId).present(), attendees,
                motions);
    }

    /** Who may attend, counted from the register as it is now (households for one vote per household). */
    static int eligible(ResidentDirectory residents, Meeting meeting) {
        if (meeting.eligibility() == Eligibility.ALL) {
            return residents.count();
        }
        java.util.Set<String> households = new java.util.HashSet<>();
        int count = 0;
        int page = 500;
        for (int offset = 0;; offset += page) {
            List<Resident> batch = residents.search("", offset, page);
            for (Resident r : batch) {
                String building = VoteRules.clean(r.building());
                switch (meeting.eligibility()) {
                    case BUILDING -> count += building.equals(meeting.building()) ? 1 : 0;
                    case GRID -> count += meeting.gridBuildings().contains(building) ? 1 : 0;
                    case HOUSEHOLD -> {
                        String household = VoteRules.clean(r.household());
                        if (!household.isEmpty()) {
                            households.add(household);
                        }
                    }
                    default -> count++;
                }
            }
            if (batch.size() < page) {
                break;
            }
        }
        return meeting.eligibility() == Eligibility.HOUSEHOLD ? households.size() : count;
    }

    static Printout printout(ViewContext context, Facts facts) {
        Meeting meeting = facts.meeting();
        List<Block> blocks = new ArrayList<>();

        blocks.add(new Heading(context.text("deliberation.pdf.attendance")));
        String eligibility = context.text("deliberation.eligibility." + meeting.eligibility().name())
                + (meeting.building() == null ? "" : " " + meeting.building())
                + (meeting.grid() == null ? "" : " " + context.text("deliberation.meetings.gridItem", meeting.grid(),
                        String.join(", ", meeting.gridBuildings())));
        blocks.add(new Text(context.text("deliberation.pdf.eligibility", eligibility)));
        blocks.add(new Text(context.text("deliberation.pdf.presentOfEligible", facts.present(), facts.eligible(),
                meeting.quorum(), context.text(facts.present() >= meeting.quorum() ? "deliberation.pdf.quorate"
                        : "deliberation.pdf.notQuorate"))));
        if (!facts.attendees().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < facts.attendees().size(); i++) {
                rows.add(List.of(String.valueOf(i + 1), facts.attendees().get(i)));
            }
            blocks.add(new Table(List.of(context.text("deliberation.pdf.number"),
                    context.text("deliberation.pdf.attendee")), rows));
        }

        for (MotionFacts motionFacts : facts.motions()) {
            motion(context, motionFacts, blocks);
        }

        blocks.add(new Heading(context.text("deliberation.pdf.signatures")));
        blocks.add(new SignatureLines(List.of(context.text("deliberation.pdf.sign.chair"),
                context.text("deliberation.pdf.sign.recorder"), context.text("deliberation.pdf.sign.representative", 1),
                context.text("deliberation.pdf.sign.representative", 2))));

        return new Printout(context.text("deliberation.minutes.title", meeting.title()),
                context.text("deliberation.meeting.when", Screens.dateTime(context, meeting.startsAt()),
                        meeting.place()),
                false, blocks);
    }

    private static void motion(ViewContext context, MotionFacts facts, List<Block> blocks) {
        Motion motion = facts.motion();
        Council.Poll poll = motion.poll();
        blocks.add(new Heading(motion.position() + ". " + motion.title()));
        blocks.add(new Text(context.text("deliberation.kind." + poll.kind().name())
                + (poll.kind() == Council.PollKind.UP_TO_K ? " (K = " + poll.maxChoices() + ")" : "") + " · "
                + context.text(poll.secret() ? "deliberation.poll.secret" : "deliberation.poll.named") + " · "
                + context.text("deliberation.pdf.rule", context.text("deliberation.rule." + poll.rule().name()))));
        if (facts.result().isEmpty()) {
            blocks.add(new Text(context.text("deliberation.pollState." + poll.state().name())));
            return;
        }
        PollResult result = facts.result().get();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < result.votes().size(); i++) {
            rows.add(List.of(Screens.option(context, poll, i), String.valueOf(result.votes().get(i))));
        }
        blocks.add(new Table(List.of(context.text("deliberation.pdf.option"), context.text("deliberation.pdf.votes")),
                rows));
        blocks.add(new Text(context.text("deliberation.result.totals", result.ballots(), result.electronic(),
                result.paper().map(PaperTotals::total).orElse(0), result.blank(), result.invalid(),
                result.present())));
        result.paper().ifPresent(p -> blocks.add(new Text(context.text("deliberation.pdf.paper", p.total(),
                p.valid(), p.blank(), p.invalid()))));
        blocks.add(new Text(context.text("deliberation.pdf.outcome",
                context.text("deliberation.outcome." + result.outcome().name()), winners(context, result))));
        if (!poll.secret() && !facts.named().isEmpty()) {
            blocks.add(new Text(context.text("deliberation.minutes.named")));
            blocks.add(new Table(List.of(context.text("deliberation.pdf.attendee"),
                    context.text("deliberation.pdf.choice")),
                    facts.named().stream().map(n -> List.of(n.name(), Screens.choices(context, poll, n.choices())))
                            .toList()));
        }
        blocks.add(new Text(context.text("deliberation.screen.receipts")));
        if (!facts.receipts().isEmpty()) {
            // the codes alone: a voter finds theirs; what each held stays in the kiosk (verified against the seal)
            blocks.add(new Table(List.of(context.text("deliberation.pdf.receipt")),
                    facts.receipts().stream().map(List::of).toList()));
        }
        facts.seal().forEach(line -> blocks.add(new Text(line)));
    }

    private static String winners(ViewContext context, PollResult result) {
        if (result.poll().kind() == Council.PollKind.YES_NO_ABSTAIN || result.winners().isEmpty()) {
            return "";
        }
        return Screens.choices(context, result.poll(), result.winners());
    }
}
