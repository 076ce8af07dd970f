package org.communitykiosk.deliberation.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;

/**
 * The residents' council: meetings, their agenda of motions, check-in at the door and the vote on each motion. Every
 * write is one audited transaction; every refused input is an {@link InvalidInputException} with nothing written.
 * Listeners of {@link PollEvents} hear about a check-in, a ballot or a state change only after it is committed.
 */
public interface Council {

    /** Who may check in and vote. */
    enum Eligibility {
        /** Every resident in the register. */
        ALL,
        /** Residents of one building. */
        BUILDING,
        /** Household representatives: one vote per household, cast by whichever member votes first. */
        HOUSEHOLD,
        /** Residents of one grid (网格): a named set of buildings from the plugin's configuration. */
        GRID
    }

    /** What a ballot asks. */
    enum PollKind {
        /** Yes / no / abstain: option 0 yes, 1 no, 2 abstain. */
        YES_NO_ABSTAIN,
        /** Exactly one of N options. */
        ONE_OF_N,
        /** Up to K of N candidates (none is a blank ballot). */
        UP_TO_K
    }

    /** What it takes to carry a motion (or elect a candidate). */
    enum MajorityRule {
        /** More than half of the votes cast (abstentions and blank ballots are not votes cast). */
        CAST,
        /** More than half of the voters present when the vote closed. */
        PRESENT,
        /** At least two thirds of the votes cast. */
        TWO_THIRDS
    }

    enum PollState { PENDING, OPEN, CLOSED }

    enum Outcome {
        /** Fewer voters present than the meeting's quorum when the vote closed: no decision. */
        NO_QUORUM,
        /** Carried (yes/no), or one option or the listed candidates reached the majority. */
        DECIDED,
        /** Not carried, or no option reached the majority. */
        NOT_DECIDED,
        /** Equal votes decide nothing: yes = no, or equal leaders (or equal votes at the last seat). */
        TIE
    }

    /** @param grid the grid's name when {@link Eligibility#GRID}, one of {@link #grids()} */
    record MeetingDraft(String title, Instant startsAt, String place, Eligibility eligibility, String building,
            Integer quorum, String grid) {

        MeetingDraft(String title, Instant startsAt, String place, Eligibility eligibility, String building,
                Integer quorum) {
            this(title, startsAt, place, eligibility, building, quorum, null);
        }
    }

    /**
     * @param quorum voters (residents, or households when one vote per household) who must be present
     * @param openPollId the poll being voted on now, if any (at most one per meeting)
     * @param grid the grid's name when {@link Eligibility#GRID}, otherwise {@code null}
     * @param gridBuildings the grid's buildings as configured when the meeting was created (a later change of the
     *        configuration does not change who may vote in a meeting already called); empty unless a grid
     */
    record Meeting(long id, String title, Instant startsAt, String place, Eligibility eligibility, String building,
            int quorum, Long openPollId, String grid, List<String> gridBuildings) {

        public Meeting {
            gridBuildings = gridBuildings == null ? List.of() : List.copyOf(gridBuildings);
        }
    }

    /**
     * @param options labels, one per option; for {@link PollKind#YES_NO_ABSTAIN} empty (the screen shows the
     *        translated yes/no/abstain)
     * @param maxChoices K for {@link PollKind#UP_TO_K}, otherwise 1
     */
    record MotionDraft(String title, PollKind kind, List<String> options, int maxChoices, boolean secret,
            MajorityRule rule) {
    }

    /** A motion on a meeting's agenda with its vote. */
    record Motion(long id, long meetingId, int position, String title, Poll poll) {
    }

    /**
     * @param ballotsCast electronic ballots acknowledged so far (equals the rows of the register and of the ballots)
     * @param presentAtClose voters present when the vote closed, {@code null} before
     */
    record Poll(long id, long motionId, long meetingId, PollKind kind, List<String> options, int maxChoices,
            boolean secret, MajorityRule rule, PollState state, int ballotsCast, Instant openedAt, Instant closedAt,
            Integer presentAtClose) {

        int optionCount() {
            return kind == PollKind.YES_NO_ABSTAIN ? 3 : options.size();
        }
    }

    /** Paper ballots of a poll, counted by hand: {@code valid + blank + invalid = total}. */
    record PaperTotals(int total, int valid, int blank, int invalid, List<Integer> optionVotes) {
        public PaperTotals {
            optionVotes = List.copyOf(optionVotes);
        }
    }

    /** @param present voters present: residents, or households for a household meeting */
    record MeetingStatus(Meeting meeting, int present, boolean quorate, Optional<Poll> openPoll) {
    }

    /** @param newly false when the resident had already checked in (a second tap is harmless) */
    record CheckIn(boolean newly, int present) {
    }

    /** What the voter is shown: the ballot is recorded, and the code to find it in the published list. */
    record Receipt(long pollId, String code) {
    }

    /** One line of the published ballots of a closed poll. */
    record ChainEntry(String receipt, String choices, String hash) {
    }

    /**
     * The count of a closed poll (or the running count of an open one).
     *
     * @param votes per option: electronic plus paper
     * @param ballots every ballot: electronic plus paper total
     * @param blank blank ballots (electronic and paper)
     * @param invalid invalid paper ballots
     * @param winners options decided (the yes option 0 when a yes/no motion is carried; the elected candidates)
     */
    record PollResult(Poll poll, List<Integer> votes, int electronic, Optional<PaperTotals> paper, int ballots,
            int blank, int invalid, int present, int quorum, Outcome outcome, List<Integer> winners) {
    }

    /** The grids (网格) staff may call a meeting for: name to buildings, in configured order. */
    Map<String, List<String>> grids();

    Meeting createMeeting(MeetingDraft draft, Actor by);

    List<Meeting> meetings();

    Optional<Meeting> meeting(long id);

    Motion addMotion(long meetingId, MotionDraft draft, Actor by);

    List<Motion> motions(long meetingId);

    Optional<Poll> poll(long pollId);

    /** @throws InvalidInputException when the resident is not eligible for the meeting */
    CheckIn checkIn(long meetingId, Resident resident, Actor by);

    /** Attendees in check-in order: resident ids. */
    List<Long> attendees(long meetingId);

    MeetingStatus status(long meetingId);

    /** The meetings that have a poll open now (a backup waits for them: {@link OpenPollBackupHold}). */
    List<Meeting> meetingsVoting();

    /** Opens a pending poll; refused when another poll of the meeting is open. */
    Poll openPoll(long pollId, Actor by);

    /** Closes an open poll: from the commit on, no ballot is accepted, and every acknowledged ballot counts. */
    Poll closePoll(long pollId, Actor by);

    /**
     * Whether the resident may vote in the poll now: the same checks as {@link #cast}, so the booth can refuse before
     * showing the ballot.
     *
     * @throws InvalidInputException when not
     */
    void checkVoter(long pollId, Resident voter);

    /**
     * Records one ballot. Returns once it is committed (durable): only then may the voter be told.
     *
     * @param choices option indices: one for yes/no/abstain and one of N, up to K (none = blank) for up to K
     * @throws InvalidInputException not checked in, not eligible, poll not open, already voted, bad choice
     */
    Receipt cast(long pollId, Resident voter, Collection<Integer> choices);

    /** Adds the hand-counted paper ballots of a closed poll, once. */
    void addPaper(long pollId, PaperTotals paper, Actor by);

    PollResult result(long pollId);

    /** A named poll's vote: who (resident id) chose what. */
    record NamedVote(long residentId, List<Integer> choices) {
    }

    /** Who voted what in a named poll, by resident id; empty for a secret poll (nothing links voters to ballots). */
    List<NamedVote> namedVotes(long pollId);

    /** The ballots of a closed poll, by receipt code, with the hash chain; empty while it is open. */
    List<ChainEntry> chain(long pollId);

    /**
     * What a poll's closing transaction fixed: the head of the hash chain over its ballots, the number of ballots and
     * the number of voters the register held (equal, or the close was refused).
     */
    record Seal(String head, int ballots, int registered) {
    }

    /** The seal of a closed poll; empty while it is open, and for a poll closed before polls were sealed. */
    Optional<Seal> seal(long pollId);

    /**
     * A closed poll's stored ballots checked against its seal.
     *
     * @param head the chain head computed now from the stored ballots
     * @param ballots the ballots stored now
     * @param registered the register's rows now (fewer than sealed after a resident's data was erased)
     */
    record Verification(long pollId, Optional<Seal> seal, String head, int ballots, int registered) {

        /** The stored ballots are exactly those the poll closed with. */
        public boolean intact() {
            return seal.isPresent() && seal.get().head().equals(head) && seal.get().ballots() == ballots;
        }
    }

    /**
     * Recomputes the closed poll's chain from the stored ballots and compares it with the seal; audited.
     *
     * @throws InvalidInputException when the poll is not closed
     */
    Verification verify(long pollId, Actor by);
}
