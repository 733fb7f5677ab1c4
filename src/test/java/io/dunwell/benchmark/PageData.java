package io.dunwell.benchmark;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The page benchmark's data, written set-based in PostgreSQL ({@code generate_series}): the
 * console only reads, so going through the services (as {@link IngestionBenchmark} does to measure
 * them) would only make the set-up take minutes. The receivables summaries are then recomputed
 * from the invoices in one statement and checked with {@link SummaryCheck}, so they agree exactly
 * as the services would keep them.
 * <p>
 * Account {@code g} (1-based) is in one of ten classes, {@code g % 10}: 0 and 1 in collections,
 * 2 in one of the other statuses (promise, dispute, escalated, agency, written off), 3 to 9 in good
 * standing, whose invoices more than 15 days past due are paid. Invoices are due from 30 days ahead
 * to 180 days ago, spread evenly; in collections a third are paid and a seventh part paid. Account 1
 * is a large customer with {@link #LARGE_ACCOUNT_EXTRA_INVOICES} more invoices.
 */
final class PageData {

    static final List<String> AGENTS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy");
    static final int LARGE_ACCOUNT_EXTRA_INVOICES = 2_000;

    private final JdbcTemplate jdbc;
    private final LocalDate today;

    PageData(JdbcTemplate jdbc, LocalDate today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    static String accountId(int account) {
        return "PA-" + "0".repeat(Math.max(0, 7 - Integer.toString(account).length())) + account;
    }

    static String invoiceId(long invoice) {
        return "PI-" + invoice;
    }

    void seed(int accounts, int invoicesPerAccount) {
        Date day = Date.valueOf(today);
        String agents = "array[" + String.join(",", AGENTS.stream().map(agent -> "'" + agent + "'").toList()) + "]";
        timed("accounts", () -> jdbc.update("""
                insert into account (id, external_id, name, email, phone, locale, time_zone, currency, segment, collection_status,
                                     collection_stage, frozen, frozen_reason, assigned_agent, dunning_exempt, dunning_paused_until,
                                     version, created_at, updated_at)
                select g, 'PA-' || lpad(g::text, 7, '0'), 'Customer ' || lpad(g::text, 7, '0') || ' Ltd',
                       'ap+' || g || '@example.com', '+49 30 ' || g,
                       (array['de-DE', 'en-US', 'en-GB', 'de-CH'])[g % 4 + 1],
                       (array['Europe/Berlin', 'America/New_York', 'Europe/London', 'Europe/Zurich'])[g % 4 + 1],
                       (array['EUR', 'USD', 'GBP', 'CHF'])[g % 4 + 1], (array['SMB', 'MID_MARKET', 'ENTERPRISE'])[g % 3 + 1],
                       case when g % 10 < 2 then 'IN_COLLECTIONS'
                            when g % 10 = 2 then (array['PROMISE_TO_PAY', 'DISPUTED', 'ESCALATED', 'WITH_AGENCY', 'WRITTEN_OFF'])[(g / 10) % 5 + 1]
                            else 'GOOD_STANDING' end,
                       case when g % 10 < 2 then 'SENT' else 'NOT_SET' end,
                       g % 500 = 0, case when g % 500 = 0 then 'Customer asked to hold while in audit' end,
                       case when g % 10 < 3 and g % 50 <> 0 then (AGENTS_ARRAY)[(g / 10) % AGENT_COUNT + 1] end,
                       false, null, 0, ?::date - 400, ?::date - 400
                from generate_series(1, ?) g""".replace("AGENTS_ARRAY", agents).replace("AGENT_COUNT", Integer.toString(AGENTS.size())),
                day, day, accounts));
        jdbc.update("insert into account_flag (account_id, flag) select g, 'VIP' from generate_series(100, ?, 100) g", accounts);

        // (g * 7919 + k * 104729) % 211 - 30 spreads the days past due evenly from -30 to 180
        timed("invoices", () -> jdbc.update("""
                insert into invoice (id, external_id, account_id, number, issue_date, due_date, currency, amount, balance, status,
                                     version, created_at, updated_at)
                select x.id, 'PI-' || x.id, x.g, 'INV-' || x.id, x.due - 30, x.due, x.currency, x.amount,
                       case when x.void or x.paid then case when x.void then x.amount else 0 end
                            when x.partly then round(x.amount / 2, 2) else x.amount end,
                       case when x.void then 'VOID' when x.paid then 'PAID' else 'OPEN' end,
                       0, (x.due - 30)::timestamp at time zone 'UTC',
                       case when x.paid or x.partly then (x.due + 5)::timestamp at time zone 'UTC'
                            else (x.due - 30)::timestamp at time zone 'UTC' end
                from (select (g - 1)::bigint * ? + k as id, g, ?::date - x.days_past_due as due,
                             (array['EUR', 'USD', 'GBP', 'CHF'])[g % 4 + 1] as currency,
                             10 + ((g * 31 + k * 17) % 490000) / 100.0 as amount,
                             case when g % 10 >= 3 then x.days_past_due > 15 else (g + k) % 3 = 0 end as paid,
                             g % 10 < 3 and (g + k) % 7 = 1 and (g + k) % 3 <> 0 as partly,
                             k = 9 and g % 20 = 0 as void
                      from generate_series(1, ?) g cross join generate_series(1, ?) k
                      cross join lateral (select ((g * 7919 + k * 104729) % 211) - 30 as days_past_due) x) x""",
                invoicesPerAccount, day, accounts, invoicesPerAccount));
        long largeFrom = (long) accounts * invoicesPerAccount + 1;
        jdbc.update("""
                insert into invoice (id, external_id, account_id, number, issue_date, due_date, currency, amount, balance, status,
                                     version, created_at, updated_at)
                select ? + k, 'PI-' || (? + k), 1, 'INV-' || (? + k), ?::date - (k % 400) - 30, ?::date - (k % 400),
                       'USD', 100 + k, case when k % 4 = 0 then 100 + k else 0 end, case when k % 4 = 0 then 'OPEN' else 'PAID' end,
                       0, (?::date - (k % 400) - 30)::timestamp at time zone 'UTC', (?::date - (k % 400) + 5)::timestamp at time zone 'UTC'
                from generate_series(0, ?) k""", largeFrom, largeFrom, largeFrom, day, day, day, day,
                LARGE_ACCOUNT_EXTRA_INVOICES - 1);

        timed("payments and allocations", () -> {
            jdbc.update("""
                    insert into payment (id, external_id, account_id, amount, currency, received_at, reference, unapplied_amount,
                                         fingerprint, created_at)
                    select i.id, 'PP-' || i.id, i.account_id, i.amount - i.balance, i.currency, i.updated_at, i.number, 0, 'bench',
                           i.updated_at
                    from invoice i where i.status <> 'VOID' and i.balance < i.amount""");
            return jdbc.update("""
                    insert into allocation (id, invoice_id, payment_id, credit_note_id, amount, created_at)
                    select p.id, p.id, p.id, null, p.amount, p.received_at from payment p""");
        });
        timed("timeline entries", () -> jdbc.update("""
                insert into timeline_entry (id, account_id, occurred_at, type, summary, reference, actor)
                select i.id, i.account_id, i.created_at, 'INVOICE_ISSUED',
                       'Invoice ' || i.number || ' for ' || i.currency || ' ' || i.amount || ', due ' || i.due_date, i.number, 'billing'
                from invoice i"""));
        timed("dunning cases", () -> jdbc.update("""
                insert into dunning_case (id, account_id, active_account_id, process_instance_id, status, opened_at, version)
                select a.id, a.id, a.id, null, 'ACTIVE', ?::timestamp at time zone 'UTC' - (a.id % 60) * interval '1 day', 0
                from account a where a.collection_status in ('IN_COLLECTIONS', 'PROMISE_TO_PAY', 'DISPUTED', 'ESCALATED')""", day));
        timed("promises", () -> {
            jdbc.update("""
                    insert into promise_to_pay (id, account_id, dunning_case_id, total, currency, made_at, made_by, note, status, version)
                    select a.id, a.id, a.id, 300, a.currency, ?::timestamp at time zone 'UTC' - (a.id % 50) * interval '1 day',
                           a.assigned_agent, 'Three instalments', (array['OPEN', 'KEPT', 'BROKEN'])[a.id % 3 + 1], 0
                    from account a where a.collection_status = 'PROMISE_TO_PAY' and a.assigned_agent is not null""", day);
            return jdbc.update("""
                    insert into installment (id, promise_id, number, due_date, amount, currency, status, checked_at, version)
                    select p.id * 3 + n, p.id, n, ?::date - (p.id % 50)::int + 10 * n, 100, p.currency,
                           case when p.status = 'OPEN' then 'OPEN' else p.status end,
                           case when p.status <> 'OPEN' then p.made_at + 10 * n * interval '1 day' end, 0
                    from promise_to_pay p cross join generate_series(1, 3) n""", day);
        });
        timed("notes", () -> jdbc.update("""
                insert into note (id, account_id, invoice_id, parent_id, author, created_at, body)
                select a.id * 4 + n, a.id, case when n = 3 then (a.id - 1) * ? + 1 end, null,
                       (array['alice', 'bob', 'sarah'])[n % 3 + 1],
                       ?::timestamp at time zone 'UTC' - ((a.id * 7 + n * 13) % 90) * interval '1 day',
                       'Called, spoke to accounts payable; they will check invoice ' || n || ' and call back.'
                from account a cross join generate_series(1, 3) n where a.id % 20 = 0 or a.id = 1""", invoicesPerAccount, day));

        timed("receivables summaries", () -> jdbc.update("""
                insert into receivables_summary (account_id, currency, open_invoice_total, unapplied_credit, open_invoice_count,
                                                 oldest_unpaid_due_date, updated_at, collection_status, assigned_agent)
                select a.id, a.currency, coalesce(t.total, 0), 0, coalesce(t.count, 0), t.oldest, now(), a.collection_status,
                       a.assigned_agent
                from account a left join (select account_id, sum(balance) as total, count(*) as count, min(due_date) as oldest
                                          from invoice where status = 'OPEN' group by account_id) t on t.account_id = a.id"""));
        // the application's pooled sequences must hand out ids above the ones written here
        for (String table : List.of("account", "invoice", "payment", "allocation", "timeline_entry", "dunning_case", "note")) {
            jdbc.queryForObject("select setval('" + table + "_seq', (select coalesce(max(id), 0) + 1000 from " + table + "))",
                    Long.class);
        }
        // a database that has been in use has statistics and a visibility map; a fresh bulk load has neither
        timed("vacuum analyze", () -> {
            jdbc.execute("vacuum analyze");
            return 0;
        });
    }

    private interface Step {
        int run();
    }

    private static void timed(String what, Step step) {
        long start = System.nanoTime();
        int rows = step.run();
        System.out.printf("seed %-26s %9d rows in %5.1f s%n", what, rows, (System.nanoTime() - start) / 1e9);
    }
}
