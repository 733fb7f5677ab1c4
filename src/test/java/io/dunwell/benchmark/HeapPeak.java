package io.dunwell.benchmark;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The most heap in use at any sample, taken every 20 ms by a daemon thread. */
final class HeapPeak {

    private final AtomicLong peak = new AtomicLong();

    private HeapPeak() {
    }

    static HeapPeak start() {
        HeapPeak heap = new HeapPeak();
        var memory = ManagementFactory.getMemoryMXBean();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> heap.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        return heap;
    }

    long peakMegabytes() {
        return peak.get() >> 20;
    }

    static long maxMegabytes() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }
}
