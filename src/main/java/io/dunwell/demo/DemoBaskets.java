package io.dunwell.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dunwell.worklist.Baskets;

/**
 * Two pending baskets for alice, "30+ days" and "90+ days", from the demo's accounts (hers
 * first), so the worklists page has something to start a session from. Made once: a restart
 * finds them (or what became of them) and adds nothing.
 */
class DemoBaskets {

    static final String OWNER = "alice";
    static final int SIZE = 5;
    private static final Logger log = LoggerFactory.getLogger(DemoBaskets.class);

    private final Baskets baskets;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoBaskets(Baskets baskets, JdbcClient jdbc, Clock clock) {
        this.baskets = baskets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** After the demo data and journeys. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void createIfMissing() {
        create("30+ days", 30, 89);
        create("90+ days", 90, 100_000);
    }

    private void create(String name, int fromDays, int toDays) {
        if (baskets.exists(OWNER, name)) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<String> accountIds = jdbc.sql("select a.external_id from account a"
                + " join receivables_summary s on s.account_id = a.id"
                + " where s.oldest_unpaid_due_date between :from and :to and s.open_invoice_total - s.unapplied_credit > 0"
                + " order by case when a.assigned_agent = :owner then 0 else 1 end, s.oldest_unpaid_due_date desc, a.id"
                + " limit :size")
                .param("from", today.minusDays(toDays)).param("to", today.minusDays(fromDays))
                .param("owner", OWNER).param("size", SIZE)
                .query(String.class).list();
        if (accountIds.isEmpty()) {
            log.info("Demo basket \"{}\" not created: no account is {} to {} days past due", name, fromDays, toDays);
            return;
        }
        baskets.create(name, accountIds, OWNER);
    }
}
