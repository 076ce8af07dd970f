package org.communitykiosk.bloodpressure.internal;

import java.util.concurrent.ThreadFactory;

import org.communitykiosk.bloodpressure.device.BloodPressureRecordDecoder;
import org.communitykiosk.bloodpressure.device.DecodeResult;
import org.communitykiosk.bloodpressure.device.MonitorListener;

/** What the monitor drivers share. */
final class Drivers {

    private Drivers() {
    }

    /** The driver's own thread: named for a thread dump, and never keeping the JVM from stopping. */
    static ThreadFactory thread(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Ends a measurement with a 0x2A35 record: its reading, or why it is none. */
    static void deliver(byte[] record, MonitorListener listener) {
        DecodeResult result = BloodPressureRecordDecoder.decode(record);
        if (result instanceof DecodeResult.Decoded decoded) {
            listener.reading(decoded.measurement());
        } else if (result instanceof DecodeResult.Failed failed) {
            listener.failed(failed.reason());
        }
    }
}
