package org.communitykiosk.ui.internal;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.ServerRpcHandler;
import com.vaadin.flow.server.communication.UidlRequestHandler;
import com.vaadin.flow.server.communication.rpc.RpcInvocationHandler;
import com.vaadin.flow.shared.JsonConstants;

import elemental.json.JsonObject;

/**
 * What counts as a person's activity on the server. Every message from the page to the server (a UIDL request) is a
 * list of invocations; those that a person caused count: a tap or a key on something the server listens to (a DOM
 * event), a value typed or chosen (a property sync), a navigation, a card read, the page's report that it was touched.
 * These do not count, because the page sends them by itself:
 * <ul>
 * <li>heartbeats (every 60 s): a request type of their own ({@code v-r=heartbeat}) that never reaches this code;</li>
 * <li>a screen's poll ({@code ui-poll} events, the blood-pressure screen polls every second);</li>
 * <li>the shell's own reports {@code idle} and {@code sessionEnded};</li>
 * <li>a dialog or notification closing by itself ({@code opened} synced, {@code opened-changed});</li>
 * <li>answers to the server's own scripts (return channels) and element attachment.</li>
 * </ul>
 * A page that has stopped (a broken page, a page whose timers were switched off) sends none that count, and the
 * server ends the session on time whatever the page does. A page that fakes taps is a page someone controls; the
 * kiosk's screen runs only the kiosk's own scripts.
 */
final class Activity {

    /** The shell's own calls that report nothing a person did. */
    static final Set<String> SHELL_REPORTS = Set.of("idle", "sessionEnded");

    private Activity() {
    }

    /** Whether one invocation of a UIDL message is a person's activity. */
    static boolean counts(JsonObject invocation) {
        String type = invocation.hasKey(JsonConstants.RPC_TYPE) ? invocation.getString(JsonConstants.RPC_TYPE) : "";
        return switch (type) {
            case JsonConstants.RPC_TYPE_EVENT -> {
                String event = string(invocation, JsonConstants.RPC_EVENT_TYPE);
                yield !event.equals("ui-poll") && !event.equals("opened-changed");
            }
            case JsonConstants.RPC_TYPE_MAP_SYNC -> !string(invocation, JsonConstants.RPC_PROPERTY).equals("opened");
            case JsonConstants.RPC_TYPE_NAVIGATION -> true;
            case JsonConstants.RPC_PUBLISHED_SERVER_EVENT_HANDLER ->
                !SHELL_REPORTS.contains(string(invocation, JsonConstants.RPC_TEMPLATE_EVENT_METHOD_NAME));
            default -> false;
        };
    }

    private static String string(JsonObject object, String key) {
        return object.hasKey(key) ? object.get(key).asString() : "";
    }

    /** Vaadin's UIDL handler with {@link RpcHandler}: the one place where every message from a page arrives. */
    static final class RequestHandler extends UidlRequestHandler {

        private static final long serialVersionUID = 1L;

        @Override
        protected ServerRpcHandler createRpcHandler() {
            return new RpcHandler();
        }
    }

    /** Notes a person's activity in the session's {@link IdleWatch} before each invocation is handled. */
    static final class RpcHandler extends ServerRpcHandler {

        private static final long serialVersionUID = 1L;

        private transient Map<String, RpcInvocationHandler> handlers;

        @Override
        protected Map<String, RpcInvocationHandler> getInvocationHandlers() {
            if (handlers == null) {
                handlers = super.getInvocationHandlers().entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new Noting(e.getValue())));
            }
            return handlers;
        }
    }

    private record Noting(RpcInvocationHandler delegate) implements RpcInvocationHandler {

        @Override
        public String getRpcType() {
            return delegate.getRpcType();
        }

        @Override
        public java.util.Optional<Runnable> handle(UI ui, JsonObject invocation) {
            if (counts(invocation)) {
                IdleWatch.find(ui.getSession()).ifPresent(IdleWatch::activity);
            }
            return delegate.handle(ui, invocation);
        }
    }
}
