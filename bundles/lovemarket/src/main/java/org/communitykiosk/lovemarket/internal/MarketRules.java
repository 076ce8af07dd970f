package org.communitykiosk.lovemarket.internal;

import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;

/** Checks of staff input, all problems at once. */
final class MarketRules {

    static final int NAME_MAX = 60;
    static final int CATEGORY_MAX = 30;
    static final int DONOR_MAX = 80;
    static final long PRICE_MAX = 100_000;
    static final int QUANTITY_MAX = 10_000;
    /** Thanks, not payment: a donation is rewarded with at most this many points. */
    static final long REWARD_MAX = 1_000;

    private MarketRules() {
    }

    /** @return the draft trimmed */
    static ItemDraft check(ItemDraft draft) {
        List<Problem> problems = new ArrayList<>();
        String name = trim(draft.name());
        String category = trim(draft.category());
        if (name.isEmpty()) {
            problems.add(Problem.of("name", "lovemarket.problem.nameRequired"));
        } else if (name.length() > NAME_MAX) {
            problems.add(Problem.of("name", "lovemarket.problem.nameTooLong", NAME_MAX));
        }
        if (category.isEmpty()) {
            problems.add(Problem.of("category", "lovemarket.problem.categoryRequired"));
        } else if (category.length() > CATEGORY_MAX) {
            problems.add(Problem.of("category", "lovemarket.problem.categoryTooLong", CATEGORY_MAX));
        }
        if (draft.price() < 1 || draft.price() > PRICE_MAX) {
            problems.add(Problem.of("price", "lovemarket.problem.price", PRICE_MAX));
        }
        if (draft.limitQuantity() < 0 || draft.limitQuantity() > QUANTITY_MAX) {
            problems.add(Problem.of("limit", "lovemarket.problem.limit"));
        }
        if (draft.lowStock() < 0 || draft.lowStock() > QUANTITY_MAX) {
            problems.add(Problem.of("lowStock", "lovemarket.problem.lowStock"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ItemDraft(name, category, draft.price(), draft.limitQuantity(),
                draft.limitPeriod() == null ? LimitPeriod.MONTH : draft.limitPeriod(), draft.active(),
                draft.lowStock());
    }

    static String checkDonor(String donor, List<IntakeLine> lines) {
        return checkDonor(donor, lines, null);
    }

    static String checkDonor(String donor, List<IntakeLine> lines, DonorReward reward) {
        List<Problem> problems = new ArrayList<>();
        if (reward != null && (reward.points() < 1 || reward.points() > REWARD_MAX)) {
            problems.add(Problem.of("points", "lovemarket.problem.rewardPoints", REWARD_MAX));
        }
        String name = trim(donor);
        if (name.isEmpty()) {
            problems.add(Problem.of("donor", "lovemarket.problem.donorRequired"));
        } else if (name.length() > DONOR_MAX) {
            problems.add(Problem.of("donor", "lovemarket.problem.donorTooLong", DONOR_MAX));
        }
        if (lines.isEmpty()) {
            problems.add(Problem.of(null, "lovemarket.problem.noLines"));
        }
        lines.stream().filter(l -> l.quantity() < 1 || l.quantity() > QUANTITY_MAX).findFirst()
                .ifPresent(l -> problems.add(Problem.of("quantity", "lovemarket.problem.quantity")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return name;
    }

    static void checkQuantity(int quantity) {
        if (quantity < 1 || quantity > QUANTITY_MAX) {
            throw InvalidInputException.of("quantity", "lovemarket.problem.quantity");
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
