package io.dunwell.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.dunwell.account.AccountService;
import io.dunwell.account.AccountToday;
import io.dunwell.account.CollectionStatus;

/**
 * The accounts list as one query over the account and its receivables summary, with the total
 * count as a window over the same rows, so a page of 100k accounts costs one round trip. The days
 * past due shown count from today in each account's time zone, as the account page and the dunning
 * do; the filter's and the sort's cut-off stay on UTC's date, which can be a day off the customer's.
 */
@Repository
class AccountsInCollections {

    public record Row(String externalId, String name, String status, String agent, String currency, BigDecimal balance,
               LocalDate oldestUnpaidDueDate, long daysPastDue) {
    }

    public record Page(List<Row> rows, long total, int page, int pageSize) {

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public int from() {
            return total == 0 ? 0 : (page - 1) * pageSize + 1;
        }

        public int to() {
            return (int) Math.min(total, (long) page * pageSize);
        }

        /** The first and last page and two either side of this one, in order. */
        public List<Integer> nearbyPages() {
            return java.util.stream.IntStream.rangeClosed(1, pages())
                    .filter(n -> n == 1 || n == pages() || Math.abs(n - page) <= 2).boxed().toList();
        }
    }

    private static final Map<String, String> ORDER = Map.of(
            "name", "lower(a.name)",
            "balance", "balance",
            // the oldest due date first is the most days past due first
            "days", "s.oldest_unpaid_due_date");

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final AccountService accounts;

    AccountsInCollections(NamedParameterJdbcTemplate jdbc, Clock clock, AccountService accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
    }

    Page find(AccountFilter filter, String signedInUser) {
        LocalDate today = LocalDate.now(clock);
        AccountToday todayWhereTheCustomerIs = accounts.todayEverywhere();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("goodStanding", CollectionStatus.GOOD_STANDING)
                .addValue("dueBefore", today.minusDays(filter.minDaysOverdue()))
                .addValue("minBalance", filter.minBalance())
                .addValue("limit", AccountFilter.PAGE_SIZE)
                .addValue("offset", filter.offset());
        List<String> where = new ArrayList<>();
        where.add("(a.collection_status <> :goodStanding or (s.oldest_unpaid_due_date < :dueBefore"
                + " and s.open_invoice_total - s.unapplied_credit > :minBalance))");
        switch (filter.assigned()) {
            case "mine" -> {
                where.add("a.assigned_agent = :me");
                params.addValue("me", signedInUser);
            }
            case "unassigned" -> where.add("a.assigned_agent is null");
            default -> { }
        }
        if (filter.agent() != null) {
            where.add("a.assigned_agent = :agent");
            params.addValue("agent", filter.agent());
        }
        if (filter.status() != null) {
            where.add("a.collection_status = :status");
            params.addValue("status", filter.status());
        }
        if (filter.search() != null) {
            where.add("(lower(a.name) like :pattern escape '\\' or lower(a.external_id) like :pattern escape '\\')");
            params.addValue("pattern", "%" + escapeLike(filter.search().toLowerCase()) + "%");
        }
        String sql = "select a.external_id, a.name, a.collection_status, a.assigned_agent, a.currency, a.time_zone,"
                + " s.open_invoice_total - s.unapplied_credit as balance, s.oldest_unpaid_due_date, count(*) over () as total"
                + " from account a join receivables_summary s on s.account_id = a.id"
                + " where " + String.join(" and ", where)
                + " order by " + order(filter) + ", a.id"
                + " limit :limit offset :offset";
        long[] total = {0};
        List<Row> rows = jdbc.query(sql, params, (rs, i) -> {
            total[0] = rs.getLong("total");
            LocalDate oldest = rs.getObject("oldest_unpaid_due_date", LocalDate.class);
            return new Row(rs.getString("external_id"), rs.getString("name"), rs.getString("collection_status"),
                    rs.getString("assigned_agent"), rs.getString("currency"), rs.getBigDecimal("balance"), oldest,
                    oldest == null ? 0 : Math.max(0, todayWhereTheCustomerIs.daysSince(oldest, rs.getString("time_zone"))));
        });
        return new Page(rows, total[0], filter.page(), AccountFilter.PAGE_SIZE);
    }

    private static String order(AccountFilter filter) {
        String column = ORDER.get(filter.sort());
        boolean descending = filter.descending();
        if (filter.sort().equals("days")) {
            // most days past due means the earliest date; accounts with nothing due go last either way
            return column + (descending ? " asc" : " desc") + " nulls last";
        }
        return column + (descending ? " desc" : " asc");
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
