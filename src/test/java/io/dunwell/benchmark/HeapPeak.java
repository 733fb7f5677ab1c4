package io.dunwell.benchmark;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/** The most heap in use at any sample, taken every 20 ms by a daemon thread. */
final class HeapPeak {

    private final AtomicLong peak = new AtomicLong();

    private HeapPeak() {
    }

    static HeapPeak start() {
        HeapPeak heap = new HeapPeak();
        var memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (true) {
                heap.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return heap;
    }

    long peakMegabytes() {
        return peak.get() >> 20;
    }

    static long maxMegabytes() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }
}
