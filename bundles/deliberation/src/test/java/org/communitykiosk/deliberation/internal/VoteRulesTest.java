package org.communitykiosk.deliberation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.deliberation.internal.Council.ChainEntry;
import org.communitykiosk.deliberation.internal.Council.MajorityRule;
import org.communitykiosk.deliberation.internal.Council.Outcome;
import org.communitykiosk.deliberation.internal.Council.PaperTotals;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Council.PollKind;
import org.communitykiosk.deliberation.internal.Council.PollResult;
import org.communitykiosk.deliberation.internal.Council.PollState;
import org.junit.jupiter.api.Test;

class VoteRulesTest {

    static Poll poll(PollKind kind, MajorityRule rule, int options, int k) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < (kind == PollKind.YES_NO_ABSTAIN ? 0 : options); i++) {
            labels.add("option " + i);
        }
        return new Poll(1, 1, 1, kind, labels, k, true, rule, PollState.CLOSED, 0, null, null, null);
    }

    private static PollResult yesNo(MajorityRule rule, int yes, int no, int abstain, int present, int quorum) {
        return VoteRules.decide(poll(PollKind.YES_NO_ABSTAIN, rule, 3, 1), new int[] { yes, no, abstain },
                yes + no + abstain, 0, Optional.empty(), present, quorum);
    }

    @Test
    void quorumComesFirst() {
        assertEquals(Outcome.NO_QUORUM, yesNo(MajorityRule.CAST, 9, 0, 0, 9, 10).outcome());
        assertEquals(Outcome.DECIDED, yesNo(MajorityRule.CAST, 9, 0, 0, 10, 10).outcome());
        assertEquals(Outcome.DECIDED, yesNo(MajorityRule.CAST, 1, 0, 0, 0, 0).outcome());
    }

    @Test
    void majorityOfVotesCastIgnoresAbstentions() {
        assertEquals(Outcome.DECIDED, yesNo(MajorityRule.CAST, 5, 4, 10, 30, 10).outcome());
        assertEquals(List.of(0), yesNo(MajorityRule.CAST, 5, 4, 10, 30, 10).winners());
        assertEquals(Outcome.NOT_DECIDED, yesNo(MajorityRule.CAST, 4, 5, 0, 30, 10).outcome());
        assertEquals(Outcome.NOT_DECIDED, yesNo(MajorityRule.CAST, 0, 0, 5, 30, 10).outcome());
    }

    @Test
    void tiesAreReportedAsTies() {
        assertEquals(Outcome.TIE, yesNo(MajorityRule.CAST, 6, 6, 1, 20, 10).outcome());
        assertEquals(Outcome.TIE, yesNo(MajorityRule.TWO_THIRDS, 6, 6, 0, 20, 10).outcome());
        PollResult tie = VoteRules.decide(poll(PollKind.ONE_OF_N, MajorityRule.CAST, 3, 1), new int[] { 4, 4, 1 }, 9,
                0, Optional.empty(), 9, 1);
        assertEquals(Outcome.TIE, tie.outcome());
        assertEquals(List.of(), tie.winners());
    }

    @Test
    void majorityOfPresentVotersCountsEveryoneInTheRoom() {
        assertEquals(Outcome.NOT_DECIDED, yesNo(MajorityRule.PRESENT, 10, 0, 0, 20, 10).outcome());
        assertEquals(Outcome.DECIDED, yesNo(MajorityRule.PRESENT, 11, 0, 0, 20, 10).outcome());
    }

    @Test
    void twoThirdsOfVotesCast() {
        assertEquals(Outcome.DECIDED, yesNo(MajorityRule.TWO_THIRDS, 8, 4, 3, 20, 10).outcome());
        assertEquals(Outcome.NOT_DECIDED, yesNo(MajorityRule.TWO_THIRDS, 7, 4, 0, 20, 10).outcome());
    }

    @Test
    void oneOfNNeedsTheMajorityForItsLeader() {
        Poll poll = poll(PollKind.ONE_OF_N, MajorityRule.CAST, 3, 1);
        PollResult won = VoteRules.decide(poll, new int[] { 2, 6, 3 }, 11, 0, Optional.empty(), 11, 5);
        assertEquals(Outcome.DECIDED, won.outcome());
        assertEquals(List.of(1), won.winners());
        assertEquals(Outcome.NOT_DECIDED,
                VoteRules.decide(poll, new int[] { 4, 5, 3 }, 12, 0, Optional.empty(), 12, 5).outcome());
    }

    @Test
    void upToKElectsTheTopKAndReportsATieForTheLastSeat() {
        Poll poll = poll(PollKind.UP_TO_K, MajorityRule.CAST, 4, 2);
        // 10 ballots, one blank: 9 non-blank ballots, a candidate needs 5
        PollResult elected = VoteRules.decide(poll, new int[] { 8, 6, 5, 1 }, 10, 1, Optional.empty(), 10, 5);
        assertEquals(Outcome.DECIDED, elected.outcome());
        assertEquals(List.of(0, 1), elected.winners());
        assertEquals(1, elected.blank());

        PollResult tie = VoteRules.decide(poll, new int[] { 8, 6, 6, 1 }, 10, 1, Optional.empty(), 10, 5);
        assertEquals(Outcome.TIE, tie.outcome());
        assertEquals(List.of(0), tie.winners());

        PollResult fewer = VoteRules.decide(poll, new int[] { 8, 4, 4, 1 }, 10, 1, Optional.empty(), 10, 5);
        assertEquals(Outcome.DECIDED, fewer.outcome());
        assertEquals(List.of(0), fewer.winners());
    }

    @Test
    void paperBallotsAddToTheCountAndMustAddUp() {
        Poll poll = poll(PollKind.YES_NO_ABSTAIN, MajorityRule.CAST, 3, 1);
        PaperTotals paper = new PaperTotals(10, 7, 2, 1, List.of(4, 2, 1));
        VoteRules.checkPaper(poll, paper);
        PollResult result = VoteRules.decide(poll, new int[] { 1, 3, 0 }, 4, 0, Optional.of(paper), 14, 10);
        assertEquals(List.of(5, 5, 1), result.votes());
        assertEquals(14, result.ballots());
        assertEquals(2, result.blank());
        assertEquals(1, result.invalid());
        assertEquals(Outcome.TIE, result.outcome());

        InvalidInputException sum = assertThrows(InvalidInputException.class,
                () -> VoteRules.checkPaper(poll, new PaperTotals(10, 7, 2, 0, List.of(4, 2, 1))));
        assertEquals("deliberation.problem.paper.sum", sum.problems().get(0).key());
        InvalidInputException options = assertThrows(InvalidInputException.class,
                () -> VoteRules.checkPaper(poll, new PaperTotals(10, 7, 2, 1, List.of(4, 2, 2))));
        assertEquals("deliberation.problem.paper.optionSum", options.problems().get(0).key());
        assertThrows(InvalidInputException.class,
                () -> VoteRules.checkPaper(poll, new PaperTotals(-1, -1, 0, 0, List.of(0, 0, 0))));
        assertThrows(InvalidInputException.class,
                () -> VoteRules.checkPaper(poll, new PaperTotals(1, 1, 0, 0, List.of(1, 0))));

        Poll upTo2 = poll(PollKind.UP_TO_K, MajorityRule.CAST, 3, 2);
        VoteRules.checkPaper(upTo2, new PaperTotals(5, 4, 1, 0, List.of(4, 3, 1)));
        assertThrows(InvalidInputException.class,
                () -> VoteRules.checkPaper(upTo2, new PaperTotals(5, 4, 1, 0, List.of(4, 4, 1))));
    }

    @Test
    void choicesAreCheckedAndStoredCanonically() {
        Poll yesNo = poll(PollKind.YES_NO_ABSTAIN, MajorityRule.CAST, 3, 1);
        assertEquals("2", VoteRules.choices(yesNo, List.of(2)));
        assertThrows(InvalidInputException.class, () -> VoteRules.choices(yesNo, List.of(3)));
        assertThrows(InvalidInputException.class, () -> VoteRules.choices(yesNo, List.of()));
        assertThrows(InvalidInputException.class, () -> VoteRules.choices(yesNo, List.of(0, 1)));
        Poll upTo2 = poll(PollKind.UP_TO_K, MajorityRule.CAST, 4, 2);
        assertEquals("1,3", VoteRules.choices(upTo2, List.of(3, 1)));
        assertEquals("", VoteRules.choices(upTo2, List.of()));
        assertThrows(InvalidInputException.class, () -> VoteRules.choices(upTo2, List.of(0, 1, 2)));
        assertThrows(InvalidInputException.class, () -> VoteRules.choices(upTo2, List.of(1, 1)));
        assertEquals(List.of(1, 3), VoteRules.parseChoices("1,3"));
    }

    @Test
    void hashChainDetectsAnyChange() {
        List<ChainEntry> chain = VoteRules.chain(
                List.of(new String[] { "KX7P2QRM", "1" }, new String[] { "A2B3C4D5", "0" },
                        new String[] { "F9G8H7J6", "2" }));
        assertEquals(List.of("A2B3C4D5", "F9G8H7J6", "KX7P2QRM"), chain.stream().map(ChainEntry::receipt).toList());
        assertEquals(VoteRules.link(VoteRules.CHAIN_START, "A2B3C4D5", "0"), chain.get(0).hash());
        assertEquals(VoteRules.link(chain.get(1).hash(), "KX7P2QRM", "1"), chain.get(2).hash());
        assertTrue(VoteRules.verify(chain));

        List<ChainEntry> changed = new ArrayList<>(chain);
        changed.set(1, new ChainEntry("F9G8H7J6", "0", chain.get(1).hash()));
        assertFalse(VoteRules.verify(changed));
        List<ChainEntry> removed = new ArrayList<>(chain);
        removed.remove(0);
        assertFalse(VoteRules.verify(removed));
    }

    @Test
    void receiptCodesAreShortAndUnambiguous() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            String code = VoteRules.receipt(random);
            assertEquals(8, code.length());
            assertTrue(code.chars().allMatch(ch -> VoteRules.RECEIPT_ALPHABET.indexOf(ch) >= 0), code);
        }
    }
}
