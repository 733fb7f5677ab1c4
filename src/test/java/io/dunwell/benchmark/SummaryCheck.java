package io.dunwell.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks the receivables summaries against the invoices in plain SQL, independently of the
 * application: a summary's open-invoice total, count and oldest due date must be what the
 * account's OPEN invoices add up to.
 */
final class SummaryCheck {

    private static final String RANDOM_SAMPLE = """
            select s.account_id, s.open_invoice_total, s.open_invoice_count, s.oldest_unpaid_due_date,
                   t.total, t.count, t.oldest
            from (select * from receivables_summary order by random() limit 100) s
            cross join lateral (select coalesce(sum(i.balance), 0) as total, count(*) as count, min(i.due_date) as oldest
                                from invoice i where i.account_id = s.account_id and i.status = 'OPEN') t""";

    private static final String ALL_MISMATCHES = """
            select count(*) from receivables_summary s
            left join (select account_id, sum(balance) as total, count(*) as count, min(due_date) as oldest
                       from invoice where status = 'OPEN' group by account_id) t on t.account_id = s.account_id
            where s.open_invoice_total <> coalesce(t.total, 0) or s.open_invoice_count <> coalesce(t.count, 0)
               or s.oldest_unpaid_due_date is distinct from t.oldest""";

    private final JdbcTemplate jdbc;

    SummaryCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean run() {
        List<Map<String, Object>> sample = jdbc.queryForList(RANDOM_SAMPLE);
        long sampleMismatches = sample.stream().filter(row -> !matches(row))
                .peek(row -> System.out.println("  MISMATCH " + row)).count();
        Map<String, Object> first = sample.get(0);
        System.out.printf("summary check, %d random accounts: %d mismatches (e.g. account id %s: open_invoice_total %s, "
                        + "open_invoice_count %s; SUM(balance) of its OPEN invoices %s, count %s)%n", sample.size(),
                sampleMismatches, first.get("account_id"), first.get("open_invoice_total"), first.get("open_invoice_count"),
                first.get("total"), first.get("count"));
        long allMismatches = jdbc.queryForObject(ALL_MISMATCHES, Long.class);
        long withoutSummary = jdbc.queryForObject(
                "select count(*) from account a where not exists (select 1 from receivables_summary s where s.account_id = a.id)",
                Long.class);
        long workMismatches = jdbc.queryForObject("select count(*) from account a join receivables_summary s on s.account_id = a.id"
                + " where s.collection_status <> a.collection_status or coalesce(s.assigned_agent, '') <> coalesce(a.assigned_agent, '')",
                Long.class);
        System.out.printf("summary check, all accounts: %d mismatches, %d accounts without a summary, %d with another status or"
                + " agent than the account%n", allMismatches, withoutSummary, workMismatches);
        return sampleMismatches == 0 && allMismatches == 0 && withoutSummary == 0 && workMismatches == 0;
    }

    private static boolean matches(Map<String, Object> row) {
        return ((BigDecimal) row.get("open_invoice_total")).compareTo((BigDecimal) row.get("total")) == 0
                && ((Number) row.get("open_invoice_count")).longValue() == ((Number) row.get("count")).longValue()
                && Objects.equals(row.get("oldest_unpaid_due_date"), row.get("oldest"));
    }
}
