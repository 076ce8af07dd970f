package org.communitykiosk.points.api;

import java.util.Objects;
import java.util.Optional;

/**
 * An account of the points ledger, named by a stable id: {@code resident:<id>} for a resident, or one of the
 * community's accounts. Only {@link #ISSUED} may go below zero: it is where earned points come from, so its negative
 * balance is the number of points ever issued, and the sum of all balances is always zero.
 *
 * @param id stable id, at most 40 characters
 */
public record Account(String id) {

    /** Earned points come from here (the contra account of service hours); its balance is minus what was issued. */
    public static final Account ISSUED = new Account("issued");
    /** Points donated or overflowing the yearly cap, for households in difficulty. */
    public static final Account COMMUNITY_POOL = new Account("community-pool");
    /** What residents spend at the love market (爱心超市). */
    public static final Account LOVE_MARKET = new Account("love-market");
    /** Points that expired unused. */
    public static final Account EXPIRY = new Account("expiry");

    private static final String RESIDENT = "resident:";

    public Account {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 40) {
            throw new IllegalArgumentException("account id of 1 to 40 characters: " + id);
        }
    }

    public static Account resident(long residentId) {
        return new Account(RESIDENT + residentId);
    }

    /** The resident id of a resident account. */
    public Optional<Long> residentId() {
        if (!id.startsWith(RESIDENT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id.substring(RESIDENT.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the balance may go below zero (only {@link #ISSUED}). */
    public boolean mayGoNegative() {
        return equals(ISSUED);
    }

    @Override
    public String toString() {
        return id;
    }
}
