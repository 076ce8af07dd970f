package org.communitykiosk.deliberation.internal;

import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.deliberation.internal.Council.Meeting;
import org.communitykiosk.deliberation.internal.Council.Motion;
import org.communitykiosk.deliberation.internal.Council.PollResult;
import org.communitykiosk.deliberation.internal.Council.PollState;

/**
 * The minutes of a meeting as plain text, in the kiosk's language: attendance, each motion with its counts and
 * result, the published receipts with the hash chain, and signature lines. Printed from the browser (no PDF yet).
 */
final class Minutes {

    private Minutes() {
    }

    static String text(ViewContext context, Council council, ResidentDirectory residents, long meetingId) {
        Meeting meeting = council.meeting(meetingId).orElseThrow();
        StringBuilder out = new StringBuilder();
        out.append(context.text("deliberation.minutes.title", meeting.title())).append('\n');
        out.append(context.text("deliberation.meeting.when", Screens.dateTime(context, meeting.startsAt()),
                meeting.place())).append("\n\n");
        List<Long> attendees = council.attendees(meetingId);
        out.append(context.text("deliberation.minutes.attendance", attendees.size())).append('\n');
        for (long id : attendees) {
            out.append("  ").append(residents.byId(id).map(Resident::name).orElse("#" + id)).append('\n');
        }
        out.append('\n');
        for (Motion motion : council.motions(meetingId)) {
            out.append(motion.position()).append(". ").append(motion.title()).append('\n');
            if (motion.poll().state() != PollState.CLOSED) {
                out.append("  ").append(context.text("deliberation.pollState." + motion.poll().state().name()))
                        .append("\n\n");
                continue;
            }
            PollResult result = council.result(motion.poll().id());
            for (int i = 0; i < result.votes().size(); i++) {
                out.append("  ").append(Screens.option(context, motion.poll(), i)).append(": ")
                        .append(result.votes().get(i)).append('\n');
            }
            out.append("  ").append(context.text("deliberation.result.totals", result.ballots(), result.electronic(),
                    result.paper().map(p -> p.total()).orElse(0), result.blank(), result.invalid(),
                    result.present()))
                    .append('\n');
            out.append("  ").append(context.text("deliberation.outcome." + result.outcome().name())).append('\n');
            List<Council.NamedVote> named = council.namedVotes(motion.poll().id());
            if (!named.isEmpty()) {
                out.append("  ").append(context.text("deliberation.minutes.named")).append('\n');
                for (Council.NamedVote vote : named) {
                    out.append("    ").append(residents.byId(vote.residentId()).map(Resident::name)
                            .orElse("#" + vote.residentId())).append(": ")
                            .append(Screens.choices(context, motion.poll(), vote.choices())).append('\n');
                }
            }
            out.append("  ").append(context.text("deliberation.screen.receipts")).append('\n');
            for (String receipt : Screens.receipts(council, motion.poll().id())) {
                out.append("    ").append(receipt).append('\n');
            }
            for (String line : Screens.sealLines(context, council, motion.poll().id())) {
                out.append("  ").append(line).append('\n');
            }
            out.append('\n');
        }
        out.append(context.text("deliberation.minutes.signatures")).append('\n');
        return out.toString();
    }
}
