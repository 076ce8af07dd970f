package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.CardReads;
import org.communitykiosk.api.resident.CardReads.CardRead;
import org.communitykiosk.api.resident.CardReads.CardRead.Outcome;
import org.communitykiosk.api.resident.CardReads.Use;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Card reads as the shell makes them: looked up, throttled per place, audited without the token. */
class CardReadsTest {

    private final TestDatabase db = new TestDatabase();
    private final AtomicLong nanos = new AtomicLong();
    private final CardReads reads = new ThrottledCardReads(db.transactions(), db.auditLog(), db.settings(),
            new CardThrottle(CardThrottleTest.POLICY, nanos::get));
    private final Resident resident = db.residents().create(
            new ResidentDraft("张桂兰", "10000001", null, null, null, null, null, null), Actor.staff("wang"));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aValidCardSignsItsHolderInAndTheSignInIsAudited() {
        String card = db.newCard(resident.id());
        CardRead read = reads.read("KIOSK-CARD:" + card, CardReads.KIOSK_SCREEN, Use.SIGN_IN);
        assertEquals(Outcome.RESIDENT, read.outcome());
        assertEquals(resident, read.resident().orElseThrow());
        AuditEntry signIn = latest();
        assertEquals("identity.card.signin", signIn.action());
        assertEquals(Actor.resident(resident.id()), signIn.actor());
        assertEquals("resident:" + resident.id(), signIn.subject());
        assertEquals("place=screen", signIn.detail());
    }

    @Test
    void aCardReadForAScreenIsLeftToTheScreenToAudit() {
        // a voting booth's or check-in door's read: the screen records what it does (a ballot must not be linked)
        String card = db.newCard(resident.id());
        int before = db.auditLog().find(AuditQuery.latest(100)).size();
        assertEquals(Outcome.RESIDENT, reads.read(card, CardReads.device(3), Use.SCREEN).outcome());
        assertEquals(before, db.auditLog().find(AuditQuery.latest(100)).size());
    }

    @Test
    void registerNumbersRevokedCardsAndGuessesAreUnknownAndAuditedWithoutWhatWasTyped() {
        String old = db.newCard(resident.id());
        db.newCard(resident.id());
        String guess = "1234567890123456789" + "0";
        guess = guess + org.communitykiosk.api.resident.CardToken.checkDigit(guess);

        assertEquals(Outcome.UNKNOWN, reads.read("10000001", CardReads.KIOSK_SCREEN, Use.SIGN_IN).outcome());
        AuditEntry number = latest();
        assertEquals("identity.card.unknown", number.action());
        assertEquals(new Actor(Actor.Kind.KIOSK, "kiosk-1"), number.actor());
        assertEquals(null, number.subject());
        assertEquals("place=screen, form=other", number.detail());

        assertEquals(Outcome.UNKNOWN, reads.read(guess, CardReads.KIOSK_SCREEN, Use.SIGN_IN).outcome());
        assertEquals("place=screen, form=token", latest().detail());

        CardRead revoked = reads.read("KIOSK-CARD:" + old, CardReads.device(7), Use.SCREEN);
        assertEquals(Outcome.UNKNOWN, revoked.outcome(), "a revoked card looks like any unknown card");
        assertTrue(revoked.resident().isEmpty());
        AuditEntry tried = latest();
        assertEquals("identity.card.revoked", tried.action());
        assertEquals("resident:" + resident.id(), tried.subject(), "staff see whose old card is in use");
        assertEquals("place=device:7", tried.detail());

        for (AuditEntry entry : db.auditLog().find(AuditQuery.latest(100))) {
            String text = entry.subject() + " " + entry.detail();
            assertFalse(text.contains(old) || text.contains(guess) || text.contains("10000001"), text);
        }
    }

    @Test
    void aBurstOfUnknownCardsPausesThePlaceAndThePauseIsAuditedOnce() {
        String card = db.newCard(resident.id());
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.UNKNOWN, reads.read("2000000" + i, CardReads.KIOSK_SCREEN, Use.SIGN_IN).outcome());
        }
        assertEquals(Outcome.UNKNOWN, reads.read("20000009", CardReads.KIOSK_SCREEN, Use.SIGN_IN).outcome(),
                "the sixth is still looked up, and starts the pause");
        int entries = db.auditLog().find(AuditQuery.latest(100)).size();
        assertEquals("identity.card.throttled", latest().action());
        assertEquals("place=screen, pause=30s", latest().detail());

        for (int i = 0; i < 50; i++) {
            CardRead refused = reads.read("3000000" + i, CardReads.KIOSK_SCREEN, Use.SIGN_IN);
            assertEquals(Outcome.PAUSED, refused.outcome());
        }
        CardRead valid = reads.read(card, CardReads.KIOSK_SCREEN, Use.SIGN_IN);
        assertEquals(Outcome.PAUSED, valid.outcome(), "not even a valid card is looked up while paused");
        assertEquals(Duration.ofSeconds(30), valid.pause());
        assertEquals(entries, db.auditLog().find(AuditQuery.latest(100)).size(), "refused reads write nothing");

        assertEquals(Outcome.RESIDENT, reads.read(card, CardReads.device(1), Use.SIGN_IN).outcome(),
                "another place reads on");
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals(Outcome.RESIDENT, reads.read(card, CardReads.KIOSK_SCREEN, Use.SIGN_IN).outcome(),
                "the pause is over");
    }

    @Test
    void aSetBackWallClockChangesNoPause() {
        for (int i = 0; i < 6; i++) {
            reads.read("2000000" + i, CardReads.KIOSK_SCREEN, Use.SIGN_IN);
        }
        db.clock().advance(Duration.ofHours(-5));
        assertEquals(Outcome.PAUSED, reads.read("20000001", CardReads.KIOSK_SCREEN, Use.SIGN_IN).outcome());
        db.clock().advance(Duration.ofHours(10));
        assertEquals(Outcome.PAUSED, reads.read("20000001", CardReads.KIOSK_SCREEN, Use.SIGN_IN).outcome(),
                "the pause runs on the monotonic clock");
    }

    private AuditEntry latest() {
        List<AuditEntry> entries = db.auditLog().find(AuditQuery.latest(1));
        return entries.get(0);
    }
}
