package org.communitykiosk.core.testing;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.AwakeLease;
import org.communitykiosk.api.plugin.CardHandler;
import org.communitykiosk.api.plugin.KioskSession;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.StaffMember;

import com.vaadin.flow.component.Component;

/**
 * The shell as a plugin screen sees it, for screen tests without a browser: English with the plugin's real
 * {@code i18n/messages_en.properties}, the shell's audience rule, and a record of where the screen navigates, what
 * it notifies and whether it asked for card taps or to keep the session awake. A missing key fails the test instead
 * of showing {@code !key!}. Plugins extend it with factories named for their tests.
 */
public class FakeViewContext implements ViewContext {

    /** A staff member with role kiosk-staff. */
    public static final StaffMember STAFF = new StaffMember("wang", Set.of(StaffMember.STAFF_ROLE));
    /** A staff member with roles kiosk-staff and kiosk-admin. */
    public static final StaffMember ADMIN = new StaffMember("admin",
            Set.of(StaffMember.STAFF_ROLE, StaffMember.ADMIN_ROLE));

    private final StaffMember staff;
    private final Resident resident;
    private final List<String> segments;
    private final ResourceBundle messages = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    public CardHandler cardHandler;
    /** The enrolled device the screen is shown on; {@code null}: the kiosk's own screen. */
    public Device device;
    /** Set by the deprecated {@link #keepSessionAwake(boolean)}. */
    public boolean sessionKeptAwake;
    /** Every lease the screen took, in order. */
    public final List<AwakeLease> leases = new ArrayList<>();
    /** Printouts shown, by file name. */
    public final Map<String, byte[]> printouts = new LinkedHashMap<>();
    /** Files handed to staff to export, by file name. */
    public final Map<String, byte[]> exports = new LinkedHashMap<>();
    public final List<String> navigations = new ArrayList<>();
    public final List<String> notifications = new ArrayList<>();
    /** The step-up PINs asked for, as {@code "<resident id>:<action>"}, in order. */
    public final List<String> pinsAsked = new ArrayList<>();
    /** Whether the resident asked for a PIN enters the right one: {@code false} is a cancel or a wrong PIN. */
    public boolean pinEntered = true;

    /**
     * @param staff the staff member signed in, or {@code null}
     * @param resident the resident signed in, or {@code null}
     * @param segments path segments after the view's path
     */
    protected FakeViewContext(StaffMember staff, Resident resident, List<String> segments) {
        this.staff = staff;
        this.resident = resident;
        this.segments = List.copyOf(segments);
    }

    /** Keys the shell may show as {@code !key!} instead of failing (for example categories staff configure). */
    protected boolean mayBeUntranslated(String key) {
        return false;
    }

    @Override
    public KioskSession session() {
        return new KioskSession() {
            @Override
            public Optional<Resident> resident() {
                return Optional.ofNullable(resident);
            }

            @Override
            public Optional<StaffMember> staff() {
                return Optional.ofNullable(staff);
            }

            @Override
            public boolean permits(Audience audience) {
                // the shell's rule: each level includes the ones below it
                return switch (audience) {
                    case PUBLIC -> true;
                    case RESIDENT -> resident != null || staff != null;
                    case STAFF -> staff != null;
                    case ADMIN -> staff != null && staff.isAdmin();
                };
            }

            @Override
            public Actor actor() {
                return staff != null ? Actor.staff(staff.userName())
                        : resident != null ? Actor.resident(resident.id())
                                : device != null ? device.actor() : new Actor(Actor.Kind.KIOSK, "kiosk-1");
            }

            @Override
            public Optional<Device> device() {
                return Optional.ofNullable(device);
            }
        };
    }

    @Override
    public Locale locale() {
        return Locale.ENGLISH;
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public String text(String key, Object... args) {
        if (mayBeUntranslated(key) && !messages.containsKey(key)) {
            return "!" + key + "!";
        }
        String pattern = messages.getString(key);
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
        navigations.add("<home>");
    }

    @Override
    public void onCardTapped(CardHandler handler) {
        cardHandler = handler;
    }

    @Override
    public AwakeLease keepAwake() {
        AwakeLease lease = new AwakeLease() {
            private boolean open = true;

            @Override
            public void close() {
                open = false;
            }

            @Override
            public boolean active() {
                return open;
            }
        };
        leases.add(lease);
        return lease;
    }

    /** Whether a lease the screen took is still open. */
    public boolean awake() {
        return leases.stream().anyMatch(AwakeLease::active);
    }

    @Override
    @Deprecated
    public void keepSessionAwake(boolean awake) {
        sessionKeptAwake = awake;
    }

    @Override
    public void showPrintout(String fileName, byte[] pdf) {
        printouts.put(fileName, pdf);
    }

    @Override
    public void export(String fileName, byte[] content) {
        if (staff == null) {
            throw new AssertionError("only staff export");
        }
        exports.put(fileName, content);
    }

    @Override
    public void notify(String text) {
        notifications.add(text);
    }

    /** Every step-up asks (as the kiosk's default settings do), and runs when {@link #pinEntered}. */
    @Override
    public void confirmWithPin(Resident who, String action, Runnable confirmed) {
        pinsAsked.add(who.id() + ":" + action);
        if (pinEntered) {
            confirmed.run();
        }
    }

    /** The component with the id somewhere below the root. */
    public static Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }

    public static Component get(Component root, String id) {
        return find(root, id).orElseThrow(() -> new AssertionError("no element with id " + id));
    }

    /** Ids below the root that start with the prefix, in document order. */
    public static List<String> ids(Component root, String prefix) {
        List<String> ids = new ArrayList<>();
        root.getId().filter(id -> id.startsWith(prefix)).ifPresent(ids::add);
        root.getChildren().forEach(child -> ids.addAll(ids(child, prefix)));
        return ids;
    }
}
