package org.communitykiosk.admin.internal;

import java.util.Optional;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;

/** Finds components of a screen by their element id, as the browser tests do. */
final class Components {

    private Components() {
    }

    static <T extends Component> T byId(Component root, String id, Class<T> type) {
        return find(root, id).map(type::cast).orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    static Optional<Component> find(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(Components::all));
    }
}
