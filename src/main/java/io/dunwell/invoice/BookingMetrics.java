package io.dunwell.invoice;

import java.util.List;

import org.springframework.stereotype.Component;

import io.dunwell.system.monitoring.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bookings by kind — invoices created, credit notes and payments booked — as one counter, named here
 * for the invoice and payment modules both. Per node, counted once committed; a replay of the same
 * billing-system id books nothing and counts nothing.
 */
@Component
public class BookingMetrics {

    static final String BOOKINGS = "dunwell.bookings";
    public static final String INVOICE = "invoice";
    public static final String CREDIT_NOTE = "credit_note";
    public static final String PAYMENT = "payment";

    private final MeterRegistry registry;

    BookingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : List.of(INVOICE, CREDIT_NOTE, PAYMENT)) {
            counter(kind);
        }
    }

    public void booked(String kind, int count) {
        Counter counter = counter(kind);
        AfterCommit.run(() -> counter.increment(count));
    }

    private Counter counter(String kind) {
        return Counter.builder(BOOKINGS).tag("kind", kind).description("bookings by kind, on this node").register(registry);
    }
}
