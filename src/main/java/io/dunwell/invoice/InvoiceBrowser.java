package io.dunwell.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dunwell.account.AccountToday;

/**
 * The console's lists of invoices, read straight from SQL: one query per page, keyed on
 * {@code ix_invoice_status_due}, so a page of 50 costs the same at a thousand invoices as at a
 * million. Fetches one row more than a page to know whether another page follows, instead of counting.
 */
@Component
public class InvoiceBrowser {

    public static final int PAGE_SIZE = 50;
    public static final int PLOT_POINTS = 500;

    /**
     * Open invoices more than {@code minDaysOverdue} days past due with more than {@code minOpen} open,
     * counted from {@code today} in each account's time zone.
     */
    public record Filter(AccountToday today, int minDaysOverdue, BigDecimal minOpen, String status, String currency,
                         String agent, String search, Sort sort) {
    }

    public enum Sort {
        OLDEST("i.due_date asc, i.id asc"),
        NEWEST("i.due_date desc, i.id desc"),
        LARGEST("i.balance desc, i.id asc"),
        NUMBER("i.number asc, i.id asc");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    public record Row(String externalId, String number, LocalDate dueDate, long daysOverdue, String currency,
                      BigDecimal amount, BigDecimal balance, String status, String accountExternalId, String accountName,
                      String agent, String collectionStatus) {
    }

    public record Page(List<Row> rows, int number, boolean hasNext) {
    }

    public record AllocationLine(String kind, String sourceExternalId, BigDecimal amount, Instant at) {
    }

    private final JdbcClient jdbc;

    InvoiceBrowser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page critical(Filter filter, int page) {
        int number = Math.max(0, page);
        List<Row> rows = query(filter, filter.sort().orderBy, PAGE_SIZE + 1, (long) number * PAGE_SIZE);
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, number, hasNext);
    }

    /** The largest {@link #PLOT_POINTS} of the filter's invoices: a plot of more would be a blot. */
    public List<Row> plot(Filter filter) {
        return query(filter, Sort.LARGEST.orderBy, PLOT_POINTS, 0);
    }

    /** Payments and credit notes applied to the invoice, reversed ones left out, oldest first. */
    public List<AllocationLine> allocations(Long invoiceId) {
        return jdbc.sql("""
                select case when al.payment_id is not null then 'Payment' else 'Credit note' end as kind,
                       coalesce(p.external_id, c.external_id) as source, al.amount, al.created_at
                from allocation al
                left join payment p on p.id = al.payment_id
                left join credit_note c on c.id = al.credit_note_id
                where al.invoice_id = ? and al.reversed_at is null
                order by al.created_at, al.id""")
                .param(invoiceId)
                .query((rs, n) -> new AllocationLine(rs.getString("kind"), rs.getString("source"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private List<Row> query(Filter filter, String orderBy, int limit, long offset) {
        StringBuilder sql = new StringBuilder("""
                select i.external_id, i.number, i.due_date, i.currency, i.amount, i.balance, i.status,
                       a.external_id as account_external_id, a.name as account_name, a.assigned_agent, a.collection_status,
                       a.time_zone
                from invoice i join account a on a.id = i.account_id
                where i.status = 'OPEN' and i.balance > :minOpen and """);
        sql.append(" ").append(filter.today().sqlDueBefore("i.due_date", "a.time_zone", filter.minDaysOverdue()));
        Map<String, Object> params = new HashMap<>();
        params.put("minOpen", filter.minOpen());
        if (present(filter.status())) {
            sql.append(" and a.collection_status = :status");
            params.put("status", filter.status());
        }
        if (present(filter.currency())) {
            sql.append(" and i.currency = :currency");
            params.put("currency", filter.currency());
        }
        if ("-".equals(filter.agent())) {
            sql.append(" and a.assigned_agent is null");
        } else if (present(filter.agent())) {
            sql.append(" and a.assigned_agent = :agent");
            params.put("agent", filter.agent());
        }
        if (present(filter.search())) {
            // the matching invoices' ids first, each way through its own index (the number's, the account's),
            // where one OR across the join would filter every critical invoice in turn
            sql.append(" and i.id in (select n.id from invoice n where n.number like :prefix"
                    + " union all select n.id from invoice n join account m on m.id = n.account_id"
                    + " where m.external_id like :prefix or lower(m.name) like :contains)");
            String term = filter.search().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("prefix", term + "%");
            params.put("contains", "%" + term.toLowerCase() + "%");
        }
        sql.append(" order by ").append(orderBy).append(" limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        List<Row> rows = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            LocalDate due = rs.getDate("due_date").toLocalDate();
            String currency = rs.getString("currency").strip();
            rows.add(new Row(rs.getString("external_id"), rs.getString("number"), due,
                    filter.today().daysSince(due, rs.getString("time_zone")), currency, inCurrency(rs.getBigDecimal("amount"), currency),
                    inCurrency(rs.getBigDecimal("balance"), currency), rs.getString("status"),
                    rs.getString("account_external_id"), rs.getString("account_name"), rs.getString("assigned_agent"),
                    rs.getString("collection_status")));
        });
        return rows;
    }

    /** The currencies accounts bill in, for the filter. */
    public List<String> currencies() {
        return jdbc.sql("select distinct currency from account order by currency").query(String.class).list()
                .stream().map(String::strip).toList();
    }

    /** The agents that hold accounts, for the filter. */
    public List<String> agents() {
        return jdbc.sql("select distinct assigned_agent from account where assigned_agent is not null order by assigned_agent")
                .query(String.class).list();
    }

    private static BigDecimal inCurrency(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
