package io.dunwell.benchmark;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Checks the receivables summaries against the invoices in plain SQL, independently of the
 * application: a summary's open-invoice total, count and oldest due date must be what the
 * account's OPEN invoices add up to.
 */
public final class SummaryCheck {

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

    /**
     * The accounts whose summary is not what their invoices, payments and credit notes add up to:
     * open invoices as above, and unapplied credit equal to what the payments and credit notes still
     * hold, each of which holds its amount less what it applied to invoices (reversals given back).
     */
    private static final String MISMATCHES_OF = """
            select a.id from account a
            left join receivables_summary s on s.account_id = a.id
            left join (select account_id, sum(balance) as total, count(*) as count, min(due_date) as oldest
                       from invoice where status = 'OPEN' group by account_id) i on i.account_id = a.id
            left join (select account_id, sum(unapplied_amount) as unapplied from
                         (select account_id, unapplied_amount from payment
                          union all select account_id, unapplied_amount from credit_note) b group by account_id) c
                   on c.account_id = a.id
            where a.id in (:ids) and (s.account_id is null
               or s.open_invoice_total <> coalesce(i.total, 0) or s.open_invoice_count <> coalesce(i.count, 0)
               or s.oldest_unpaid_due_date is distinct from i.oldest or s.unapplied_credit <> coalesce(c.unapplied, 0)
               or exists (select 1 from payment p where p.account_id = a.id and p.unapplied_amount <> p.amount
                          - (select coalesce(sum(l.amount), 0) from allocation l where l.payment_id = p.id and l.reversed_at is null))
               or exists (select 1 from credit_note n where n.account_id = a.id and n.unapplied_amount <> n.amount
                          - (select coalesce(sum(l.amount), 0) from allocation l where l.credit_note_id = n.id and l.reversed_at is null)))
            """;

    private final JdbcTemplate jdbc;

    public SummaryCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids among {@code accountIds} of the accounts whose summary disagrees with a recomputation; empty when all agree. */
    public List<Long> mismatchesOf(Collection<Long> accountIds) {
        return new NamedParameterJdbcTemplate(jdbc)
                .queryForList(MISMATCHES_OF, Map.of("ids", accountIds), Long.class);
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
