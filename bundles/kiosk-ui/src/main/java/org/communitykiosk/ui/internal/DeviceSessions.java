package org.communitykiosk.ui.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.device.DeviceListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

/**
 * The open sessions of each enrolled device, so that revoking a device ends them at once. The gate refuses a revoked
 * device's next request, but a projector makes none for minutes: it only receives what the kiosk pushes. So its
 * screens are told to reload (pushed; the reload meets the gate, which shows why the device was refused) and its
 * sessions are ended a moment later, whether or not the push got through.
 */
@Component(service = {DeviceSessions.class, DeviceListener.class})
public class DeviceSessions implements DeviceListener {

    /** Time for the pushed reload to reach the device before its session ends under it. */
    static final long END_AFTER_MILLIS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSessions.class);

    private final Map<Long, Set<VaadinSession>> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kiosk-device-sessions");
        thread.setDaemon(true);
        return thread;
    });

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    void opened(Device device, VaadinSession session) {
        open.computeIfAbsent(device.id(), id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void closed(VaadinSession session) {
        open.values().forEach(sessions -> sessions.remove(session));
    }

    /** How many sessions a device has open (for tests and the log). */
    int count(long deviceId) {
        Set<VaadinSession> sessions = open.get(deviceId);
        return sessions == null ? 0 : sessions.size();
    }

    @Override
    public void revoked(Device device) {
        Set<VaadinSession> sessions = open.remove(device.id());
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        LOG.info("device {} revoked: ending its {} open session(s)", device.id(), sessions.size());
        for (VaadinSession session : sessions) {
            WrappedSession http = session.getSession();
            try {
                session.access(() -> session.getUIs().forEach(ui -> ui.getPage().reload()));
            } catch (RuntimeException closing) {
                // the session is ending anyway
            }
            if (http != null) {
                timer.schedule(() -> invalidate(http), END_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void invalidate(WrappedSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException already) {
            // ended meanwhile
        }
    }
}
