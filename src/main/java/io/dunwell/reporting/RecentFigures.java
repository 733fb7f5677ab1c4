package io.dunwell.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Portfolio-wide figures computed at most every {@link ConsoleFigures#maxAge()}, shown with the
 * time they were computed ("as of HH:mm").
 * <p>
 * Why a time-to-live and not invalidation on payments, credit notes and invoice upserts: with 1M
 * invoices the dashboard's month-over-month metrics scan the ledger for seconds, far beyond any
 * page budget, and every payment changes them, so a cache emptied on each booking would be empty
 * whenever the business is busy. Figures a few minutes old are what a dashboard needs, as long as
 * the page says how old they are. Older figures are still served while fresh ones are computed on
 * one background thread, so only the very first request after a start waits for the computation.
 * A clock moved back (simulation) counts as stale.
 */
@Component
@EnableConfigurationProperties(ConsoleFigures.class)
public class RecentFigures implements DisposableBean {

    /** How a page shows a figure's time. */
    public static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public record Figure<T>(T value, Instant asOf) {
    }

    private static final Logger log = LoggerFactory.getLogger(RecentFigures.class);

    private final Map<Object, Entry<?>> entries = new ConcurrentHashMap<>();
    private final ConsoleFigures settings;
    private final Clock clock;
    private final Executor refresher;

    @Autowired
    public RecentFigures(ConsoleFigures settings, Clock clock) {
        this(settings, clock, Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "console-figures");
            thread.setDaemon(true);
            return thread;
        }));
    }

    RecentFigures(ConsoleFigures settings, Clock clock, Executor refresher) {
        this.settings = settings;
        this.clock = clock;
        this.refresher = refresher;
    }

    /** The figure under {@code key} (its equality names what was computed), computed now if there is none yet. */
    @SuppressWarnings("unchecked")
    public <T> Figure<T> get(Object key, Supplier<T> compute) {
        if (settings.maxAge().isZero()) {
            return computed(compute);
        }
        Entry<T> entry = (Entry<T>) entries.get(key);
        if (entry == null) {
            Figure<T> figure = computed(compute);
            entries.put(key, new Entry<>(figure));
            return figure;
        }
        Instant now = clock.instant();
        boolean stale = now.isBefore(entry.figure().asOf()) || now.isAfter(entry.figure().asOf().plus(settings.maxAge()));
        if (stale && entry.refreshing().compareAndSet(false, true)) {
            refresher.execute(() -> refresh(key, entry, compute));
        }
        return entry.figure();
    }

    private <T> void refresh(Object key, Entry<T> stale, Supplier<T> compute) {
        try {
            entries.put(key, new Entry<>(computed(compute)));
        } catch (RuntimeException failed) {
            // the page keeps the older figures and its time; the next request tries again
            log.warn("Could not recompute the console figures {}", key, failed);
            stale.refreshing().set(false);
        }
    }

    private <T> Figure<T> computed(Supplier<T> compute) {
        Instant asOf = clock.instant();
        return new Figure<>(compute.get(), asOf);
    }

    @Override
    public void destroy() {
        if (refresher instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    private record Entry<T>(Figure<T> figure, AtomicBoolean refreshing) {

        Entry(Figure<T> figure) {
            this(figure, new AtomicBoolean());
        }
    }
}
