package org.communitykiosk.core.internal.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.erasure.DemoResidents;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentCards;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.AuditActions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.communitykiosk.core.internal.KioskSettingsComponent;
import org.communitykiosk.core.internal.KioskSettingsConfig;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty register with a small demo community (when the kiosk settings ask for demo data), so that a fresh
 * kiosk can be tried out with the demo cards and phone 13800000001 / PIN 1234. Demo cards are meant to be tried, so
 * their tokens are fixed and published (README): the register number, twelve zeros and the check digit. They are the
 * only predictable tokens: every other card gets a random one ({@link JdbcResidentCards}).
 * <p>
 * It fills on a thread of its own: this component activates on the thread that brings up everything needing the
 * database, the home screen included. The demo PIN comes hashed ({@link #DEMO_PIN_HASH}): hashing it slowly, as every
 * PIN is, at each kiosk's first start took about half a second of the two cores from the first home screen. The
 * residents are there well before anyone can reach a card reader.
 * <p>
 * The demo residents are marked as such in the register ({@link JdbcDemoResidents}). They go, with what the plugins
 * stored for them, when {@code demoData} is turned off: at once when staff turn it off on a running kiosk, and
 * {@link #REMOVE_AFTER_START} after a start with it off (time for the plugins to register their part of the erasure).
 */
@Component(immediate = true, configurationPid = KioskSettingsComponent.PID)
public final class DemoCommunity {

    static final Actor DEMO = Actor.system("demo");

    static final String DEMO_PIN = "1234";
    /** {@link #DEMO_PIN} as {@link PinHasher} stores it (DemoCommunityTest checks that it verifies). */
    static final String DEMO_PIN_HASH = "pbkdf2-sha256$120000$3oeV7BDh8JPTcwRVx/IaqA$"
            + "5bD5aqJymOqvDRNhtEQ+WCq6n/bOQ3NpxtSI74UXaNg";

    static final List<ResidentDraft> RESIDENTS = List.of(
            new ResidentDraft("张桂兰", "10000001", "13800000001", "1", "1-101", "1-1-101", LocalDate.of(1946, 3, 12),
                    DEMO_PIN),
            new ResidentDraft("李建国", "10000002", "13800000002", "2", "2-302", "2-2-302", LocalDate.of(1951, 7, 8),
                    DEMO_PIN),
            new ResidentDraft("李秀英", "10000003", "13800000003", "2", "2-302", "2-2-302", LocalDate.of(1953, 11, 21),
                    null),
            new ResidentDraft("王志强", "10000004", "13800000004", "3", "1-501", "3-1-501", LocalDate.of(1979, 5, 30),
                    null),
            new ResidentDraft("陈美华", "10000005", "13800000005", "5", "3-201", "5-3-201", LocalDate.of(1958, 9, 15),
                    null));

    /** After a start with demo data off, the wait before the demo residents are removed. */
    static final long REMOVE_AFTER_START = TimeUnit.SECONDS.toMillis(30);

    /** The demo residents' card tokens, in the order of {@link #RESIDENTS}. */
    static final List<CardToken> CARDS = RESIDENTS.stream()
            .map(draft -> CardToken.withCheckDigit(draft.cardNumber() + "000000000000")).toList();

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommunity.class);

    private final DemoResidents demo;
    private volatile Thread filling;
    private volatile boolean demoData;

    @Activate
    public DemoCommunity(
            @Reference(name = "settings") KioskSettings settings,
            @Reference(name = "residents") ResidentDirectory residents,
            @Reference(name = "cards") ResidentCards cards,
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "demo") DemoResidents demo,
            KioskSettingsConfig config) {
        this(settings, residents, cards, transactions, demo, config.demoData(), REMOVE_AFTER_START);
    }

    DemoCommunity(KioskSettings settings, ResidentDirectory residents, ResidentCards cards, Transactions transactions,
            DemoResidents demo, boolean demoData, long removeDelay) {
        this.demo = demo;
        this.demoData = demoData;
        filling = new Thread(() -> {
            if (demoData) {
                fill(settings, residents, cards, transactions);
            } else {
                removeAfter(removeDelay);
            }
        }, "kiosk-demo-community");
        filling.start();
    }

    /** Staff changed the settings: demo data turned off removes the demo community now. */
    @Modified
    void modified(KioskSettingsConfig config) {
        boolean was = demoData;
        demoData = config.demoData();
        if (was && !demoData) {
            Thread removing = new Thread(() -> removeAfter(0), "kiosk-demo-community-removal");
            filling = removing;
            removing.start();
        }
    }

    private void removeAfter(long delay) {
        try {
            if (delay > 0) {
                Thread.sleep(delay);
            }
            if (!demoData && demo.count() > 0) {
                demo.remove(DEMO);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // kept, and tried again at the next start; the banner stays up meanwhile
            LOG.warn("demo community not removed: {}", e.toString());
        }
    }

    private static void fill(KioskSettings settings, ResidentDirectory residents, ResidentCards cards,
            Transactions transactions) {
        if (!settings.demoData()) {
            return;
        }
        if (residents.count() > 0) {
            cardsForEarlierDemo(residents, cards, transactions);
            return;
        }
        try {
            transactions.required(c -> {
                // another kiosk sharing the database may have filled it meanwhile
                if (residents.count() > 0) {
                    return false;
                }
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < RESIDENTS.size(); i++) {
                    Resident resident = create(residents, RESIDENTS.get(i));
                    ids.add(resident.id());
                    // the published token, given by this bundle's cards only: another implementation issues its own
                    if (cards instanceof JdbcResidentCards register) {
                        register.issue(resident.id(), CARDS.get(i), DEMO, AuditActions.CARD_ISSUE);
                    }
                }
                JdbcDemoResidents.mark(c, ids);
                return true;
            });
            LOG.info("demo community created: {} residents", RESIDENTS.size());
        } catch (RuntimeException e) {
            // the kiosk works without demo data; a concurrent kiosk creating the same cards ends up here, as does a
            // kiosk stopped while filling (the transaction leaves nothing behind)
            LOG.warn("demo community not created: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * A demo community made before cards carried tokens has none: its residents get their published cards, so that the
     * demo's cards keep working after the update. Only a resident who is the demo's in every detail, and has no card.
     */
    private static void cardsForEarlierDemo(ResidentDirectory residents, ResidentCards cards,
            Transactions transactions) {
        if (!(cards instanceof JdbcResidentCards register)) {
            return;
        }
        int issued = 0;
        for (int i = 0; i < RESIDENTS.size(); i++) {
            ResidentDraft draft = RESIDENTS.get(i);
            CardToken token = CARDS.get(i);
            Optional<Resident> found = residents.byCard(draft.cardNumber())
                    .filter(r -> r.name().equals(draft.name()) && draft.phone().equals(r.phone()))
                    .filter(r -> cards.current(r.id()).isEmpty());
            if (found.isPresent()) {
                try {
                    transactions.required(c -> register.issue(found.get().id(), token, DEMO,
                            AuditActions.CARD_ISSUE));
                    issued++;
                } catch (RuntimeException e) {
                    // the token was used before (a revoked demo card): that resident stays without a card
                    LOG.warn("demo card not issued: {}", e.getClass().getSimpleName());
                }
            }
        }
        if (issued > 0) {
            LOG.info("demo community: {} cards issued to residents made before card tokens", issued);
        }
    }

    private static Resident create(ResidentDirectory residents, ResidentDraft draft) {
        // the register of this bundle takes the hash; another implementation hashes the PIN itself
        if (residents instanceof JdbcResidentDirectory register && DEMO_PIN.equals(draft.pin())) {
            return register.createWithPinHash(new ResidentDraft(draft.name(), draft.cardNumber(), draft.phone(),
                    draft.building(), draft.unit(), draft.household(), draft.birthDate(), null), DEMO_PIN_HASH, DEMO);
        }
        return residents.create(draft, DEMO);
    }

    /** Waits until the register is filled, or found not to need it. */
    void awaitFilled() throws InterruptedException {
        filling.join();
    }

    /** Waits until the last removal started has run. */
    void awaitRemoved() throws InterruptedException {
        filling.join();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // the store it writes to goes away after this component
        filling.join(TimeUnit.SECONDS.toMillis(30));
    }
}
