package org.communitykiosk.deliberation.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells open screens (projector, door, booth) that something of a meeting changed: a check-in, a ballot, a poll opened
 * or closed. The stores call {@link #changed} only after the transaction has committed, so a listener that reads the
 * database sees the change. Listeners run on one thread of their own, never on the voter's request, and are coalesced
 * per meeting: a burst of ballots causes one more round, and the last round always follows the last change, so the
 * final count is always delivered. Thread-safe. Only this JVM hears it: screens also refresh by a one-second poll so
 * that ballots cast by kiosks of another JVM on a shared database show too.
 */
@Component(service = PollEvents.class)
public final class PollEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PollEvents.class);

    /** A subscription; closing it stops the calls. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<Long, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicBoolean> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;

    @Activate
    public PollEvents() {
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "deliberation-events");
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newSingleThreadScheduledExecutor(threads);
    }

    @Deactivate
    public void stop() {
        executor.shutdownNow();
    }

    /** Calls the listener after every committed change of the meeting until the registration is closed. */
    public Registration subscribe(long meetingId, Runnable listener) {
        List<Runnable> list = listeners.computeIfAbsent(meetingId, id -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** Something of the meeting changed and is committed. Returns at once. */
    public void changed(long meetingId) {
        AtomicBoolean flag = pending.computeIfAbsent(meetingId, id -> new AtomicBoolean());
        if (flag.compareAndSet(false, true)) {
            try {
                executor.execute(() -> deliver(meetingId, flag));
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                flag.set(false);
            }
        }
    }

    /** Runs the task once after the delay on the events thread (a booth resetting for the next voter). */
    public void later(Duration delay, Runnable task) {
        try {
            executor.schedule(() -> run(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("events stopped, task dropped");
        }
    }

    private void deliver(long meetingId, AtomicBoolean flag) {
        // cleared before the round: a change during the round schedules the next one
        flag.set(false);
        listeners.getOrDefault(meetingId, List.of()).forEach(PollEvents::run);
    }

    private static void run(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            // a closed browser tab must not stop the others; ids only, nothing personal
            LOG.debug("meeting listener failed", e);
        }
    }
}
