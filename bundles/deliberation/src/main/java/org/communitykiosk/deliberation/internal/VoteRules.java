package org.communitykiosk.deliberation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.deliberation.internal.Council.ChainEntry;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.MajorityRule;
import org.communitykiosk.deliberation.internal.Council.MeetingDraft;
import org.communitykiosk.deliberation.internal.Council.MotionDraft;
import org.communitykiosk.deliberation.internal.Council.Outcome;
import org.communitykiosk.deliberation.internal.Council.PaperTotals;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Council.PollKind;
import org.communitykiosk.deliberation.internal.Council.PollResult;

/**
 * The one place that decides what a meeting, a motion, a ballot and a paper count may be, and what a count means.
 * Pure functions, no database: the store applies them inside its transactions.
 */
final class VoteRules {

    static final int TITLE_MAX = 200;
    static final int PLACE_MAX = 120;
    static final int BUILDING_MAX = 40;
    /** The buildings of a grid as stored with a meeting, comma-separated. */
    static final int GRID_BUILDINGS_MAX = 1000;
    static final int OPTION_MAX = 100;
    static final int OPTIONS_MIN = 2;
    static final int OPTIONS_MAX = 20;

    /** Receipt codes: no 0/O, 1/I/L, so that a voter reads them back without doubt. */
    static final String RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int RECEIPT_LENGTH = 8;
    /** Where the hash chain starts. */
    static final String CHAIN_START = "0".repeat(64);

    private VoteRules() {
    }

    static MeetingDraft checkMeeting(MeetingDraft draft, int defaultQuorum) {
        return checkMeeting(draft, defaultQuorum, Map.of());
    }

    /** @param grids the configured grids; a grid meeting must name one of them */
    static MeetingDraft checkMeeting(MeetingDraft draft, int defaultQuorum, Map<String, List<String>> grids) {
        String title = clean(draft.title());
        String place = clean(draft.place());
        String building = clean(draft.building());
        Eligibility eligibility = draft.eligibility() == null ? Eligibility.ALL : draft.eligibility();
        int quorum = draft.quorum() == null ? defaultQuorum : draft.quorum();
        List<Problem> problems = new ArrayList<>();
        text(problems, "title", title, TITLE_MAX, "deliberation.problem.title.required");
        text(problems, "place", place, PLACE_MAX, "deliberation.problem.place.required");
        if (draft.startsAt() == null) {
            problems.add(Problem.of("startsAt", "deliberation.problem.startsAt.required"));
        }
        if (eligibility == Eligibility.BUILDING) {
            text(problems, "building", building, BUILDING_MAX, "deliberation.problem.building.required");
        } else {
            building = "";
        }
        String grid = clean(draft.grid());
        if (eligibility == Eligibility.GRID) {
            if (grid.isEmpty()) {
                problems.add(Problem.of("grid", "deliberation.problem.grid.required"));
            } else if (!grids.containsKey(grid)) {
                problems.add(Problem.of("grid", "deliberation.problem.grid.unknown", grid));
            }
        } else {
            grid = "";
        }
        if (quorum < 0) {
            problems.add(Problem.of("quorum", "deliberation.problem.quorum.negative"));
        }
        refuseIfAny(problems);
        return new MeetingDraft(title, draft.startsAt(), place, eligibility, building.isEmpty() ? null : building,
                quorum, grid.isEmpty() ? null : grid);
    }

    /**
     * The grids of the configuration {@code grids}: {@code 一网格=1,2,3;二网格=4,5}, name to buildings in the order
     * written. Staff type this by hand, often with a Chinese keyboard, so full-width {@code ；，、＝} count as well and
     * blanks around names are dropped. A building is written as on the resident's record ({@link
     * org.communitykiosk.api.resident.Resident#building()}, for example "3").
     *
     * @throws IllegalArgumentException naming the first entry that is not {@code name=building,...}, or a name given
     *         twice: a grid silently missing or merged would let the wrong residents vote
     */
    static Map<String, List<String>> parseGrids(String config) {
        Map<String, List<String>> grids = new LinkedHashMap<>();
        String text = clean(config).replace('；', ';').replace('，', ',').replace('、', ',').replace('＝', '=');
        for (String entry : text.split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).strip();
            List<String> buildings = eq < 0 ? List.of()
                    : Arrays.stream(entry.substring(eq + 1).split(",")).map(String::strip).filter(b -> !b.isEmpty())
                            .distinct().toList();
            if (name.isEmpty() || name.length() > BUILDING_MAX || buildings.isEmpty()
                    || String.join(",", buildings).length() > GRID_BUILDINGS_MAX) {
                throw new IllegalArgumentException("grids: \"" + entry.strip() + "\" is not name=building,building");
            }
            if (grids.putIfAbsent(name, buildings) != null) {
                throw new IllegalArgumentException("grids: \"" + name + "\" is given twice");
            }
        }
        return Collections.unmodifiableMap(grids);
    }

    static MotionDraft checkMotion(MotionDraft draft) {
        String title = clean(draft.title());
        PollKind kind = draft.kind() == null ? PollKind.YES_NO_ABSTAIN : draft.kind();
        MajorityRule rule = draft.rule() == null ? MajorityRule.CAST : draft.rule();
        List<Problem> problems = new ArrayList<>();
        text(problems, "title", title, TITLE_MAX, "deliberation.problem.title.required");
        List<String> options = List.of();
        int maxChoices = 1;
        if (kind != PollKind.YES_NO_ABSTAIN) {
            options = (draft.options() == null ? List.<String>of() : draft.options()).stream().map(VoteRules::clean)
                    .filter(o -> !o.isEmpty()).toList();
            if (options.size() < OPTIONS_MIN || options.size() > OPTIONS_MAX) {
                problems.add(Problem.of("options", "deliberation.problem.options.count", OPTIONS_MIN, OPTIONS_MAX));
            }
            if (options.stream().anyMatch(o -> o.length() > OPTION_MAX || o.contains("\n"))) {
                problems.add(Problem.of("options", "deliberation.problem.options.tooLong", OPTION_MAX));
            }
            if (options.stream().distinct().count() != options.size()) {
                problems.add(Problem.of("options", "deliberation.problem.options.duplicate"));
            }
            if (kind == PollKind.UP_TO_K) {
                maxChoices = draft.maxChoices();
                if (maxChoices < 1 || maxChoices > Math.max(1, options.size())) {
                    problems.add(Problem.of("maxChoices", "deliberation.problem.maxChoices.range", options.size()));
                }
            }
        }
        refuseIfAny(problems);
        return new MotionDraft(title, kind, options, maxChoices, draft.secret(), rule);
    }

    /**
     * @return the ballot's choices as stored: distinct option indices ascending, comma-separated; empty for blank
     */
    static String choices(Poll poll, Collection<Integer> chosen) {
        TreeSet<Integer> set = new TreeSet<>(chosen == null ? List.of() : chosen);
        if (set.stream().anyMatch(i -> i == null || i < 0 || i >= poll.optionCount())
                || chosen != null && set.size() != chosen.size()) {
            throw InvalidInputException.of("choices", "deliberation.problem.choice.invalid");
        }
        if (poll.kind() == PollKind.UP_TO_K) {
            if (set.size() > poll.maxChoices()) {
                throw InvalidInputException.of("choices", "deliberation.problem.choice.tooMany", poll.maxChoices());
            }
        } else if (set.size() != 1) {
            throw InvalidInputException.of("choices", "deliberation.problem.choice.exactlyOne");
        }
        return set.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Integer> parseChoices(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
    }

    static void checkPaper(Poll poll, PaperTotals paper) {
        List<Problem> problems = new ArrayList<>();
        if (paper.total() < 0 || paper.valid() < 0 || paper.blank() < 0 || paper.invalid() < 0
                || paper.optionVotes().stream().anyMatch(v -> v == null || v < 0)) {
            problems.add(Problem.of(null, "deliberation.problem.paper.negative"));
        } else {
            if (paper.valid() + paper.blank() + paper.invalid() != paper.total()) {
                problems.add(Problem.of("total", "deliberation.problem.paper.sum", paper.valid(), paper.blank(),
                        paper.invalid(), paper.total()));
            }
            if (paper.optionVotes().size() != poll.optionCount()) {
                problems.add(Problem.of("options", "deliberation.problem.paper.options", poll.optionCount()));
            } else {
                int sum = paper.optionVotes().stream().mapToInt(Integer::intValue).sum();
                boolean ok;
                if (poll.kind() == PollKind.UP_TO_K) {
                    // every valid ballot names 1..K candidates, each at most once
                    ok = sum >= paper.valid() && sum <= paper.valid() * poll.maxChoices()
                            && paper.optionVotes().stream().allMatch(v -> v <= paper.valid());
                } else {
                    ok = sum == paper.valid();
                }
                if (!ok) {
                    problems.add(Problem.of("options", "deliberation.problem.paper.optionSum", sum, paper.valid()));
                }
            }
        }
        refuseIfAny(problems);
    }

    /**
     * Applies quorum and the majority rule to the count.
     *
     * @param electronicVotes per option, from the electronic ballots
     * @param electronic electronic ballots
     * @param electronicBlank electronic blank ballots (up to K with nothing chosen)
     * @param present voters present (when the poll closed)
     */
    static PollResult decide(Poll poll, int[] electronicVotes, int electronic, int electronicBlank,
            Optional<PaperTotals> paper, int present, int quorum) {
        int n = poll.optionCount();
        int[] votes = Arrays.copyOf(electronicVotes, n);
        paper.ifPresent(p -> IntStream.range(0, n).forEach(i -> votes[i] += p.optionVotes().get(i)));
        int ballots = electronic + paper.map(PaperTotals::total).orElse(0);
        int blank = electronicBlank + paper.map(PaperTotals::blank).orElse(0);
        int invalid = paper.map(PaperTotals::invalid).orElse(0);
        /* ballots that name at least one option */
        int nonBlank = electronic - electronicBlank + paper.map(PaperTotals::valid).orElse(0);
        List<Integer> voteList = Arrays.stream(votes).boxed().toList();

        Outcome outcome;
        List<Integer> winners = new ArrayList<>();
        if (present < quorum) {
            outcome = Outcome.NO_QUORUM;
        } else if (poll.kind() == PollKind.YES_NO_ABSTAIN) {
            int yes = votes[0];
            int no = votes[1];
            if (reaches(poll.rule(), yes, yes + no, present)) {
                outcome = Outcome.DECIDED;
                winners.add(0);
            } else {
                outcome = yes == no && yes > 0 ? Outcome.TIE : Outcome.NOT_DECIDED;
            }
        } else if (poll.kind() == PollKind.ONE_OF_N) {
            int cast = Arrays.stream(votes).sum();
            int top = Arrays.stream(votes).max().orElse(0);
            List<Integer> leaders = IntStream.range(0, n).filter(i -> votes[i] == top).boxed().toList();
            if (top == 0) {
                outcome = Outcome.NOT_DECIDED;
            } else if (leaders.size() > 1) {
                outcome = Outcome.TIE;
            } else if (reaches(poll.rule(), top, cast, present)) {
                outcome = Outcome.DECIDED;
                winners.add(leaders.get(0));
            } else {
                outcome = Outcome.NOT_DECIDED;
            }
        } else {
            List<Integer> qualified = IntStream.range(0, n)
                    .filter(i -> votes[i] > 0 && reaches(poll.rule(), votes[i], nonBlank, present)).boxed()
                    .sorted(Comparator.<Integer>comparingInt(i -> -votes[i]).thenComparingInt(i -> i)).toList();
            int k = poll.maxChoices();
            if (qualified.isEmpty()) {
                outcome = Outcome.NOT_DECIDED;
            } else if (qualified.size() <= k) {
                outcome = Outcome.DECIDED;
                winners.addAll(qualified);
            } else {
                int last = votes[qualified.get(k - 1)];
                if (votes[qualified.get(k)] == last) {
                    // equal votes for the last seat: those above it are elected, the seat is a tie
                    outcome = Outcome.TIE;
                    qualified.stream().filter(i -> votes[i] > last).forEach(winners::add);
                } else {
                    outcome = Outcome.DECIDED;
                    winners.addAll(qualified.subList(0, k));
                }
            }
        }
        return new Council.PollResult(poll, voteList, electronic, paper, ballots, blank, invalid, present, quorum,
                outcome, List.copyOf(winners));
    }

    /** Whether {@code votes} carry under the rule, out of {@code cast} votes cast or {@code present} voters. */
    static boolean reaches(MajorityRule rule, int votes, int cast, int present) {
        if (votes <= 0) {
            return false;
        }
        return switch (rule) {
            case CAST -> 2L * votes > cast;
            case PRESENT -> 2L * votes > present;
            case TWO_THIRDS -> 3L * votes >= 2L * cast;
        };
    }

    /**
     * The published ballots: ordered by receipt code (which says nothing about who or when), each line hashed with
     * the previous line's hash: {@code hash = hex(sha256(previousHash + "|" + receipt + "|" + choices))}, starting
     * from 64 zeros. Anyone with the list recounts it and checks that no line was changed, added or removed.
     *
     * @param ballots receipt code and stored choices
     */
    static List<ChainEntry> chain(List<String[]> ballots) {
        List<String[]> sorted = new ArrayList<>(ballots);
        sorted.sort(Comparator.comparing(b -> b[0]));
        List<ChainEntry> chain = new ArrayList<>();
        String previous = CHAIN_START;
        for (String[] ballot : sorted) {
            previous = link(previous, ballot[0], ballot[1]);
            chain.add(new ChainEntry(ballot[0], ballot[1], previous));
        }
        return chain;
    }

    /** The chain's last hash ({@link #CHAIN_START} for a poll without ballots): what a poll's seal fixes. */
    static String head(List<ChainEntry> chain) {
        return chain.isEmpty() ? CHAIN_START : chain.get(chain.size() - 1).hash();
    }

    /** Whether the published list is in receipt order and every hash follows from the line before. */
    static boolean verify(List<ChainEntry> chain) {
        String previous = CHAIN_START;
        String previousReceipt = null;
        for (ChainEntry entry : chain) {
            if (previousReceipt != null && previousReceipt.compareTo(entry.receipt()) >= 0
                    || !link(previous, entry.receipt(), entry.choices()).equals(entry.hash())) {
                return false;
            }
            previous = entry.hash();
            previousReceipt = entry.receipt();
        }
        return true;
    }

    static String link(String previous, String receipt, String choices) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(
                    sha.digest((previous + "|" + receipt + "|" + choices).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String receipt(SecureRandom random) {
        StringBuilder code = new StringBuilder(RECEIPT_LENGTH);
        for (int i = 0; i < RECEIPT_LENGTH; i++) {
            code.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
        }
        return code.toString();
    }

    static String clean(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    static void text(List<Problem> problems, String field, String value, int max, String requiredKey) {
        if (value.isEmpty()) {
            problems.add(Problem.of(field, requiredKey));
        } else if (value.length() > max) {
            problems.add(Problem.of(field, "deliberation.problem.tooLong", max));
        }
    }

    static void refuseIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
