package org.communitykiosk.admin.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.CardHandler;
import org.communitykiosk.api.plugin.KioskSession;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.StaffMember;

/**
 * A staff member's visit to a screen, translating as the shell does: the plugin's English texts, {@code !key!} for
 * a key it does not have (the platform's texts are not on this classpath), MessageFormat only with arguments.
 */
final class TestContext implements ViewContext {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Properties texts;
    private final List<String> segments;
    final List<String> navigations = new ArrayList<>();
    final List<String> notices = new ArrayList<>();
    CardHandler cardHandler;
    boolean home;

    TestContext(String... segments) {
        try {
            texts = TranslationKeysTest.load("en");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.segments = List.of(segments);
    }

    @Override
    public KioskSession session() {
        return new KioskSession() {
            @Override
            public Optional<Resident> resident() {
                return Optional.empty();
            }

            @Override
            public Optional<StaffMember> staff() {
                return Optional.of(new StaffMember("admin", Set.of(StaffMember.STAFF_ROLE)));
            }

            @Override
            public boolean permits(Audience audience) {
                return audience != Audience.ADMIN;
            }

            @Override
            public Actor actor() {
                return Actor.staff("admin");
            }

            @Override
            public Optional<Device> device() {
                return Optional.empty();
            }
        };
    }

    @Override
    public Locale locale() {
        return Locale.ENGLISH;
    }

    @Override
    public ZoneId zone() {
        return ZONE;
    }

    @Override
    public String text(String key, Object... args) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    @Override
    public String describe(InvalidInputException refused) {
        return refused.problems().stream().map(p -> text(p.key(), p.args().toArray()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public List<String> pathSegments() {
        return segments;
    }

    @Override
    public Optional<String> queryParameter(String name) {
        return Optional.empty();
    }

    @Override
    public void navigate(String path) {
        navigations.add(path);
    }

    @Override
    public void home() {
        home = true;
    }

    @Override
    public void onCardTapped(CardHandler handler) {
        cardHandler = handler;
    }

    @Override
    public void notify(String text) {
        notices.add(text);
    }

    /** Staff screens ask no PIN; runs at once. */
    @Override
    public void confirmWithPin(Resident who, String action, Runnable confirmed) {
        confirmed.run();
    }

    /** Whether the screen asked the shell to suspend the idle countdown. */
    boolean sessionKeptAwake;

    @Override
    @Deprecated
    public void keepSessionAwake(boolean awake) {
        sessionKeptAwake = awake;
    }

    /** Leases the screen took: whether each is still active. */
    final java.util.List<java.util.concurrent.atomic.AtomicBoolean> leases = new java.util.ArrayList<>();

    @Override
    public org.communitykiosk.api.plugin.AwakeLease keepAwake() {
        java.util.concurrent.atomic.AtomicBoolean active = new java.util.concurrent.atomic.AtomicBoolean(true);
        leases.add(active);
        return new org.communitykiosk.api.plugin.AwakeLease() {
            @Override
            public void close() {
                active.set(false);
            }

            @Override
            public boolean active() {
                return active.get();
            }
        };
    }

    @Override
    public void showPrintout(String fileName, byte[] pdf) {
        throw new UnsupportedOperationException("no staff screen of kiosk-admin prints");
    }

    @Override
    public void export(String fileName, byte[] content) {
        throw new UnsupportedOperationException("no staff screen of kiosk-admin exports through the shell");
    }
}
