package org.communitykiosk.lovemarket.internal;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.CardHandler;
import org.communitykiosk.api.plugin.KioskSession;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.StaffMember;

import com.vaadin.flow.component.Component;

/**
 * The shell as a screen sees it, in English with the plugin's real messages, recording where the screen navigates
 * and what it notifies. A missing key fails the test instead of showing {@code !key!}.
 */
final class FakeContext implements ViewContext {

    private final boolean staff;
    private final Resident resident;
    private final List<String> segments;
    CardHandler cardHandler;
    private final ResourceBundle messages = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    final List<String> navigations = new ArrayList<>();
    final List<String> notifications = new ArrayList<>();

    private FakeContext(boolean staff, Resident resident, List<String> segments) {
        this.staff = staff;
        this.resident = resident;
        this.segments = List.copyOf(segments);
    }

    static FakeContext passerBy(String... segments) {
        return new FakeContext(false, null, List.of(segments));
    }

    static FakeContext staff(String... segments) {
        return new FakeContext(true, null, List.of(segments));
    }

    static FakeContext resident(Resident resident, String... segments) {
        return new FakeContext(false, resident, List.of(segments));
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
                return staff ? Optional.of(new StaffMember("wang", java.util.Set.of(StaffMember.STAFF_ROLE)))
                        : Optional.empty();
            }

            @Override
            public boolean permits(Audience audience) {
                return audience == Audience.PUBLIC || (staff || resident != null) && audience == Audience.RESIDENT
                        || staff && audience == Audience.STAFF;
            }

            @Override
            public Actor actor() {
                return staff ? Actor.staff("wang")
                        : resident != null ? Actor.resident(resident.id()) : new Actor(Actor.Kind.KIOSK, "kiosk-1");
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
    public void notify(String text) {
        notifications.add(text);
    }

    /** Newer shells ask screens to keep a session awake; no {@code @Override} so that this builds either way. */
    @Override
    public void keepSessionAwake(boolean awake) {
        // nothing to keep awake in a test
    }

    /** The component with the id somewhere below the root. */
    static Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }

    static Component get(Component root, String id) {
        return find(root, id).orElseThrow(() -> new AssertionError("no element with id " + id));
    }

    /** Ids below the root that start with the prefix, in document order. */
    static List<String> ids(Component root, String prefix) {
        List<String> ids = new ArrayList<>();
        root.getId().filter(id -> id.startsWith(prefix)).ifPresent(ids::add);
        root.getChildren().forEach(child -> ids.addAll(ids(child, prefix)));
        return ids;
    }
}
