package org.communitykiosk.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;

/** Cards and PIN locks set by the test; unlocks recorded. The staff screens use nothing else of identification. */
final class FakeIdentification implements Identification {

    /** Cards a test has handed out: token digits to the resident holding the card. */
    final Map<String, Resident> cards = new HashMap<>();
    final Map<Long, PinLock> locks = new HashMap<>();
    final List<String> unlocked = new ArrayList<>();

    void lock(long residentId, int failures, Instant until) {
        locks.put(residentId, new PinLock(failures, until));
    }

    @Override
    public Optional<Resident> byToken(String token) {
        return CardToken.parse(token).map(card -> cards.get(card.digits()));
    }

    @Override
    public PinAttempt signInWithPin(String phone, String pin, String place) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PinCheck checkPin(long residentId, String pin, String place) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<PinLock> pinLock(long residentId) {
        return Optional.ofNullable(locks.get(residentId));
    }

    @Override
    public boolean unlockPin(long residentId, Actor by) {
        unlocked.add(residentId + " by " + by);
        return locks.remove(residentId) != null;
    }
}
