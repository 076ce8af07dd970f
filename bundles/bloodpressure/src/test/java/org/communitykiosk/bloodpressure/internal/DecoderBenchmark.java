package org.communitykiosk.bloodpressure.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.bloodpressure.device.BloodPressureRecordDecoder;
import org.communitykiosk.bloodpressure.device.DecodeResult;
import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.device.MonitorListener;

/**
 * Not a unit test: prints decoded records per second (a kiosk needs few; this guards the hot path against regressions)
 * and the time from a simulated device reading to the listener (simulator with no delay: executor hand-over plus
 * decoding). Run it from the module directory after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes org.communitykiosk.bloodpressure.internal.DecoderBenchmark
 * </pre>
 */
public final class DecoderBenchmark {

    private DecoderBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        decodeThroughput();
        simulatorLatency();
    }

    private static void decodeThroughput() {
        SplittableRandom random = new SplittableRandom(1);
        byte[][] records = new byte[1024][];
        for (int i = 0; i < records.length; i++) {
            int flags = random.nextInt(32);
            records[i] = SimulatedMonitor.record(100 + random.nextInt(80), 60 + random.nextInt(40),
                    (flags & 4) != 0 ? 50 + random.nextInt(60) : -1, (flags & 16) != 0 ? random.nextInt(64) : -1);
        }
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long count = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(round == 0 ? 1 : 2); // the first round warms up
            while (System.nanoTime() < end) {
                for (byte[] record : records) {
                    DecodeResult result = BloodPressureRecordDecoder.decode(record);
                    if (result instanceof DecodeResult.Decoded d) {
                        sink += d.measurement().systolic().isPresent() ? 1 : 0;
                    }
                }
                count += records.length;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round > 0) {
                System.out.printf("decode: %,.0f records/s%n", count / seconds);
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the JIT from discarding the work
        }
    }

    private static void simulatorLatency() throws InterruptedException {
        SimulatedMonitor monitor = new SimulatedMonitor(SimulatedMonitor.parse("132/84/72:0"), 0);
        int runs = 2_000;
        long[] micros = new long[runs];
        try {
            for (int i = 0; i < runs; i++) {
                CountDownLatch delivered = new CountDownLatch(1);
                long[] at = new long[1];
                long start = System.nanoTime();
                monitor.start(new MonitorListener() {
                    @Override
                    public void reading(Measurement measurement) {
                        at[0] = System.nanoTime();
                        delivered.countDown();
                    }

                    @Override
                    public void failed(DecodeFailure reason) {
                        delivered.countDown();
                    }

                    @Override
                    public void disconnected() {
                        delivered.countDown();
                    }
                });
                delivered.await(5, TimeUnit.SECONDS);
                micros[i] = (at[0] - start) / 1_000;
            }
        } finally {
            monitor.close();
        }
        long[] measured = Arrays.copyOfRange(micros, runs / 2, runs); // the second half, warm
        Arrays.sort(measured);
        System.out.printf("simulated reading to listener: median %d us, p99 %d us, max %d us (%d runs)%n",
                measured[measured.length / 2], measured[measured.length * 99 / 100], measured[measured.length - 1],
                measured.length);
    }
}
