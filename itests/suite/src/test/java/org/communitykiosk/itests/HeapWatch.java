package org.communitykiosk.itests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * The heap of a running kiosk JVM, seen from outside as a technician's JDK tools see it: the test attaches to the
 * kiosk's process (the JDK's attach mechanism, same user) and reads its memory pools over the local JMX agent that the
 * attach starts. The kiosk ships no JMX port of its own, and needs none for this.
 * <p>
 * What is measured is the old generation: an array too big for the young generation (a decoded image's pixels, a whole
 * upload held in memory) is allocated there directly, so its peak above the resting level is what one request held at
 * once, while the young generation's churn stays within its own fixed size.
 */
final class HeapWatch implements AutoCloseable {

    private static final long MB = 1024 * 1024;

    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools;
    private final MemoryPoolMXBean oldGeneration;
    private long oldAtRest;

    private HeapWatch(JMXConnector connector) throws IOException {
        this.connector = connector;
        MBeanServerConnection server = connector.getMBeanServerConnection();
        memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        // Serial: "Tenured Gen"; G1: "G1 Old Gen"; Parallel: "PS Old Gen"
        oldGeneration = heapPools.stream()
                .filter(pool -> pool.getName().contains("Tenured") || pool.getName().contains("Old"))
                .findFirst().orElseThrow(() -> new AssertionError("no old generation among " + heapPools.stream()
                        .map(MemoryPoolMXBean::getName).toList()));
    }

    /** Attaches to the JVM with this process id. */
    static HeapWatch attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            return new HeapWatch(JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())));
        } finally {
            vm.detach();
        }
    }

    /** Collects garbage and starts measuring from the heap at rest. */
    void rest() {
        memory.gc();
        oldAtRest = oldGeneration.getUsage().getUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The old generation's peak since {@link #rest()}, above its level then, in MB. */
    long oldPeakAboveRestMb() {
        return (oldGeneration.getPeakUsage().getUsed() - oldAtRest) / MB;
    }

    /** What the heap holds after a full collection, in MB: what stays, once the request is over. */
    long retainedMb() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / MB;
    }

    /** The heap's maximum (-Xmx), in MB. */
    long maxMb() {
        return memory.getHeapMemoryUsage().getMax() / MB;
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
