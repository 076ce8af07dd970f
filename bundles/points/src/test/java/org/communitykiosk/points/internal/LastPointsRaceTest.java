package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/** Two kiosks spend the same last points at the same moment: exactly one succeeds, the other is told why. */
class LastPointsRaceTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcLedger ledger = LedgerTest.ledger(db);

    @AfterEach
    void close() {
        db.close();
    }

    @RepeatedTest(5)
    void exactlyOneOfTwoConcurrentSpendsOfTheLastPointsSucceeds() throws Exception {
        Resident zhang = LedgerTest.resident(db, "张桂兰", "10000001", "H1");
        ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(zhang.id()), 30, null, 0, null,
                Actor.system("test"));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService kiosks = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String kiosk : List.of("kiosk-1", "kiosk-2")) {
            Callable<String> spend = () -> db.transactions().required(c -> {
                // both have read the balance inside their transaction before either books
                boolean canPay = ledger.quote(zhang.id(), 30).sufficient();
                await(together);
                try {
                    ledger.spend(zhang.id(), 30, Account.LOVE_MARKET, null, kiosk + ":order", Actor.resident(zhang.id()));
                    return canPay ? "ok" : "?";
                } catch (InvalidInputException refused) {
                    return refused.problems().get(0).key();
                }
            });
            outcomes.add(kiosks.submit(spend));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(30, TimeUnit.SECONDS));
        }
        kiosks.shutdown();
        results.sort(null);
        assertEquals(List.of("ok", Ledger.INSUFFICIENT), results);
        assertEquals(0, ledger.balance(Account.resident(zhang.id())));
        assertEquals(30, ledger.balance(Account.LOVE_MARKET));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
