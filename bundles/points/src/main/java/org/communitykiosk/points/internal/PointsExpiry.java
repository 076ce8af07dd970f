package org.communitykiosk.points.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.points.api.Account;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires unused points when {@code expiryMonths} is set: once a day (and a minute after start), every resident's
 * points beyond what they received in the last N months go to {@link Account#EXPIRY}. One transaction per account,
 * with a key per account and day, so a run repeated on the same day (a restart, a second kiosk on the same database)
 * books nothing twice.
 */
@Component(immediate = true)
public final class PointsExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(PointsExpiry.class);
    private static final Actor ACTOR = Actor.system("points-expiry");

    private final LedgerBook ledger;
    private final ServiceHours hours;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    @Activate
    public PointsExpiry(@Reference(name = "ledger") LedgerBook ledger, @Reference(name = "hours") ServiceHours hours,
            @Reference(name = "clock") Clock clock) {
        this(ledger, hours, clock, true);
    }

    PointsExpiry(LedgerBook ledger, ServiceHours hours, Clock clock, boolean scheduled) {
        this.ledger = ledger;
        this.hours = hours;
        this.clock = clock;
        if (scheduled && hours.rules().expiryMonths() > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "points-expiry");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::runSafely, 1, 24 * 60, TimeUnit.MINUTES);
        } else {
            scheduler = null;
        }
    }

    @Deactivate
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void runSafely() {
        try {
            int expired = runOnce();
            LOG.info("points expiry: {} accounts had unused points expire", expired);
        } catch (RuntimeException e) {
            // the next run tries again; the database or the rules may be back by then
            LOG.warn("points expiry failed", e);
        }
    }

    /** @return how many accounts had points expire */
    int runOnce() {
        int months = hours.rules().expiryMonths();
        if (months <= 0) {
            return 0;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        Instant since = now.minusMonths(months).toInstant();
        LocalDate today = now.toLocalDate();
        int expired = 0;
        for (Account account : ledger.residentAccountsInCredit()) {
            try {
                if (ledger.expireUnused(account, since, "points:expire:" + account + ":" + today, ACTOR).isPresent()) {
                    expired++;
                }
            } catch (InvalidInputException spentMeanwhile) {
                // the resident spent at the same moment: nothing expires now, the next run looks again
            }
        }
        return expired;
    }
}
