package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PointsExpiryTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcLedger ledger = LedgerTest.ledger(db);
    private final Resident zhang = LedgerTest.resident(db, "张桂兰", "10000001", "H1");

    @AfterEach
    void close() {
        db.close();
    }

    private void earn(long points) {
        ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(zhang.id()), points, null, 0, null,
                Actor.system("test"));
    }

    @Test
    void unusedPointsOlderThanTheSettingExpireOncePerDay() {
        PointsExpiry expiry = new PointsExpiry(ledger, ServiceHoursTest.hours(db, ledger, Map.of("expiryMonths", 12)),
                db.clock(), false);
        earn(100);
        db.clock().advance(Duration.ofDays(200));
        ledger.spend(zhang.id(), 30, Account.LOVE_MARKET, null, "s1", Actor.system("test"));
        earn(20);
        assertEquals(0, expiry.runOnce(), "nothing is a year old yet");

        db.clock().advance(Duration.ofDays(200)); // the 100 are 400 days old, the 20 are 200 days old
        assertEquals(1, expiry.runOnce());
        assertEquals(20, ledger.balance(Account.resident(zhang.id())));
        assertEquals(70, ledger.balance(Account.EXPIRY));
        assertEquals(0, expiry.runOnce(), "the same day books nothing twice");
        assertEquals(70, ledger.balance(Account.EXPIRY));
    }

    @Test
    void noExpiryWhenTheSettingIsZero() {
        PointsExpiry expiry = new PointsExpiry(ledger, ServiceHoursTest.hours(db, ledger, Map.of()), db.clock(), false);
        earn(100);
        db.clock().advance(Duration.ofDays(2000));
        assertEquals(0, expiry.runOnce());
        assertEquals(100, ledger.balance(Account.resident(zhang.id())));
    }
}
