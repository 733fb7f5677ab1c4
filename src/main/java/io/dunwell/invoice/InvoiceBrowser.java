package io.dunwell.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dunwell.account.AccountToday;
import io.dunwell.system.DistinctValues;
import io.dunwell.system.SqlLike;

/**
 * The console's lists of invoices, read straight from SQL: one query per page, keyed on
 * {@code ix_invoice_status_due}, so a page of 50 costs the same at a thousand invoices as at a
 * million. Fetches one row more than a page to know whether another page follows, instead of counting,
 * and pages on from the last row seen (a cursor) rather than by skipping all the rows before.
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

    /** Each order ends on the invoice id in the same direction, so a row's (key, id) says exactly where a page ends. */
    public enum Sort {
        OLDEST("i.due_date", false),
        NEWEST("i.due_date", true),
        LARGEST("i.balance", true),
        NUMBER("i.number", false);

        private final String column;
        private final boolean descending;

        Sort(String column, boolean descending) {
            this.column = column;
            this.descending = descending;
        }

        String orderBy(boolean backwards) {
            String direction = descending != backwards ? " desc" : " asc";
            return column + direction + ", i.id" + direction;
        }

        String keyOf(Row row) {
            return switch (this) {
                case OLDEST, NEWEST -> row.dueDate().toString();
                case LARGEST -> row.balance().toPlainString();
                case NUMBER -> row.number();
            };
        }

        Object parse(String key) {
            return switch (this) {
                case OLDEST, NEWEST -> LocalDate.parse(key);
                case LARGEST -> new BigDecimal(key);
                case NUMBER -> key;
            };
        }
    }

    public record Row(long id, String externalId, String number, LocalDate dueDate, long daysOverdue, String currency,
                      BigDecimal amount, BigDecimal balance, String status, String accountExternalId, String accountName,
                      String agent, String collectionStatus) {
    }

    /**
     * A page (number 1 is the first) and where its neighbours start: {@code previous} and {@code next} are
     * cursors ("after" the last row, "before" the first), null where there is no such page. Following them
     * reads about 50 rows however deep the page, where an offset reads every row before it.
     */
    public record Page(List<Row> rows, int number, String previous, String next) {

        public boolean hasNext() {
            return next != null;
        }

        public boolean hasPrevious() {
            return previous != null;
        }
    }

    /** Where a page starts: right after or right before one row of the order. */
    public record Cursor(boolean before, long id, String key) {

        private static final Pattern FORM = Pattern.compile("(after|before):(\\d{1,18}):(.*)", Pattern.DOTALL);

        /** "after:123:2026-05-01"; anything else is refused as a bad request by the caller. */
        public static Cursor parse(String text) {
            Matcher match = FORM.matcher(text);
            if (!match.matches()) {
                throw new IllegalArgumentException("not a page cursor: " + text);
            }
            return new Cursor(match.group(1).equals("before"), Long.parseLong(match.group(2)), match.group(3));
        }

        static String after(Row row, Sort sort) {
            return "after:" + row.id() + ":" + sort.keyOf(row);
        }

        static String before(Row row, Sort sort) {
            return "before:" + row.id() + ":" + sort.keyOf(row);
        }
    }

    public record AllocationLine(String kind, String sourceExternalId, BigDecimal amount, Instant at) {
    }

    private final JdbcClient jdbc;

    InvoiceBrowser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code number} (1 is the first): the one {@code cursor} points to, or without one found by offset. */
    public Page critical(Filter filter, int number, Cursor cursor) {
        Sort sort = filter.sort();
        int page = Math.max(1, number);
        if (cursor == null) {
            List<Row> rows = query(filter, sort.orderBy(false), null, PAGE_SIZE + 1, (long) (page - 1) * PAGE_SIZE);
            return page(rows, page, page > 1, rows.size() > PAGE_SIZE, sort);
        }
        Object key;
        try {
            key = sort.parse(cursor.key());
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("not a " + sort + " page cursor: " + cursor.key(), unreadable);
        }
        String after = cursor.before() != sort.descending ? "<" : ">";
        // the plain bound lets the index start at the key; the pair decides among rows with the key itself
        String seek = sort.column + " " + after + "= :key and (" + sort.column + " " + after + " :key or i.id " + after + " :id)";
        List<Row> rows = new ArrayList<>(query(filter, sort.orderBy(cursor.before()), new Seek(seek, key, cursor.id()), PAGE_SIZE + 1, 0));
        boolean more = rows.size() > PAGE_SIZE;
        if (!cursor.before()) {
            return page(rows, page, true, more, sort);
        }
        List<Row> shown = new ArrayList<>(more ? rows.subList(0, PAGE_SIZE) : rows);
        Collections.reverse(shown);
        return page(shown, page, more, true, sort);
    }

    private static Page page(List<Row> rows, int number, boolean hasPrevious, boolean hasNext, Sort sort) {
        List<Row> shown = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
        if (shown.isEmpty()) {
            return new Page(shown, number, null, null);
        }
        return new Page(shown, number, hasPrevious ? Cursor.before(shown.get(0), sort) : null,
                hasNext ? Cursor.after(shown.get(shown.size() - 1), sort) : null);
    }

    private record Seek(String condition, Object key, long id) {
    }

    /** The largest {@link #PLOT_POINTS} of the filter's invoices: a plot of more would be a blot. */
    public List<Row> plot(Filter filter) {
        return query(filter, Sort.LARGEST.orderBy(false), null, PLOT_POINTS, 0);
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

    private List<Row> query(Filter filter, String orderBy, Seek seek, int limit, long offset) {
        StringBuilder sql = new StringBuilder("""
                select i.id, i.external_id, i.number, i.due_date, i.currency, i.amount, i.balance, i.status,
                       a.external_id as account_external_id, a.name as account_name, a.assigned_agent, a.collection_status,
                       a.time_zone
                from invoice i join account a on a.id = i.account_id""");
        boolean byWork = present(filter.status()) || present(filter.agent());
        if (byWork) {
            // the summary's copies of status and agent (V20) find the accounts through their index, then their invoices
            sql.append(" join receivables_summary s on s.account_id = i.account_id");
        }
        sql.append(" where i.status = 'OPEN' and i.balance > :minOpen and");
        sql.append(" ").append(filter.today().sqlDueBefore("i.due_date", "a.time_zone", filter.minDaysOverdue()));
        Map<String, Object> params = new HashMap<>();
        params.put("minOpen", filter.minOpen());
        if (present(filter.status())) {
            sql.append(" and s.collection_status = :status");
            params.put("status", filter.status());
        }
        if (present(filter.currency())) {
            sql.append(" and i.currency = :currency");
            params.put("currency", filter.currency());
        }
        if ("-".equals(filter.agent())) {
            sql.append(" and s.assigned_agent is null");
        } else if (present(filter.agent())) {
            sql.append(" and s.assigned_agent = :agent");
            params.put("agent", filter.agent());
        }
        if (present(filter.search())) {
            // the matching invoices' ids first, each way through its own index (the number's, the accounts' trigrams),
            // where one OR across the join would filter every critical invoice in turn
            sql.append(" and i.id in (select n.id from invoice n where n.number like :prefix"
                    + " union all select n.id from invoice n join account m on m.id = n.account_id"
                    + " where lower(m.name) like :contains or lower(m.external_id) like :contains)");
            String term = filter.search().strip();
            params.put("prefix", SqlLike.startingWith(term));
            params.put("contains", SqlLike.containing(term.toLowerCase()));
        }
        if (seek != null) {
            sql.append(" and ").append(seek.condition());
            params.put("key", seek.key());
            params.put("id", seek.id());
        }
        sql.append(" order by ").append(orderBy).append(" limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        List<Row> rows = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            LocalDate due = rs.getDate("due_date").toLocalDate();
            String currency = rs.getString("currency").strip();
            rows.add(new Row(rs.getLong("id"), rs.getString("external_id"), rs.getString("number"), due,
                    filter.today().daysSince(due, rs.getString("time_zone")), currency, inCurrency(rs.getBigDecimal("amount"), currency),
                    inCurrency(rs.getBigDecimal("balance"), currency), rs.getString("status"),
                    rs.getString("account_external_id"), rs.getString("account_name"), rs.getString("assigned_agent"),
                    rs.getString("collection_status")));
        });
        return rows;
    }

    /** The currencies accounts bill in, for the filter. */
    public List<String> currencies() {
        return jdbc.sql(DistinctValues.of("account", "currency")).query(String.class).list().stream().map(String::strip).toList();
    }

    /** The agents that hold accounts, for the filter. */
    public List<String> agents() {
        return jdbc.sql(DistinctValues.of("account", "assigned_agent")).query(String.class).list();
    }

    private static BigDecimal inCurrency(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
