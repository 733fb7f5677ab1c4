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

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.followup.NewFollowUpTask;

/**
 * A few follow-up tasks for the demo agents on the accounts they work, one of them due tomorrow
 * with auto-escalation, so Tasklist's "Follow-ups" filter and the account pages show some. Only
 * when there are none at all: a restart adds nothing.
 */
class DemoFollowUps {

    private static final Logger log = LoggerFactory.getLogger(DemoFollowUps.class);

    private record Plan(String agent, String name, String description, int dueInDays, int remindInDays, boolean autoEscalate) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("alice", "Check the remittance advice", "The customer says the transfer left on Monday; match it when it arrives.", 1, 0, true),
            new Plan("alice", "Ask for a purchase order number", "Accounts payable will not release the payment without a PO number on the invoice.", 5, 3, false),
            new Plan("bob", "Call back the finance manager", "She was in a meeting; call again about the oldest invoice.", 2, 1, false),
            new Plan("bob", "Confirm the new billing address", "Statements bounced; confirm the address before the next reminder goes out.", 7, 5, true));

    private final FollowUpTasks followUps;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoFollowUps(FollowUpTasks followUps, Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.followUps = followUps;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** After DemoJourneys assigned the agents their accounts. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void createIfNone() {
        if (jdbc.sql("select count(*) from follow_up_task").query(Long.class).single() > 0) {
            return;
        }
        int created = 0;
        for (int i = 0; i < PLANS.size(); i++) {
            Plan plan = PLANS.get(i);
            List<String> worked = jdbc.sql("select external_id from account where assigned_agent = ? order by id")
                    .param(plan.agent()).query(String.class).list();
            if (worked.isEmpty()) {
                continue;
            }
            Account account = accounts.require(worked.get(i % worked.size()));
            LocalDate today = account.today(clock);
            followUps.create(new NewFollowUpTask(account.getExternalId(), null, plan.name(), plan.description(), plan.agent(),
                    today.plusDays(plan.dueInDays()), today.plusDays(plan.remindInDays()), plan.autoEscalate()), "sarah");
            created++;
        }
        log.info("Created {} demo follow-up tasks", created);
    }
}
