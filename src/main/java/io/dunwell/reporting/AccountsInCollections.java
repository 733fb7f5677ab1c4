package io.dunwell.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.account.AccountToday;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.BalancesAsOf;
import io.dunwell.settings.AgingBucket;
import io.dunwell.system.SqlLike;

/**
 * The accounts list as a query for the page and one for the total count, each planned for what it
 * reads (see V12's indexes for the sort orders). Most lists read the receivables summary alone, which
 * carries the account's status and agent (V20), and join the accounts of the page's 50 rows only; a
 * search, an aging bucket or the sort by name join every account they read. The days past due shown
 * and the aging-bucket filter count from today in each account's time zone ({@link AccountToday}),
 * as the account page and the dunning run do, so an account is in the bucket the dunning run would
 * age it into. The in-collections condition's cut-off and the sort by days stay on the summary's
 * date against UTC's today, which can be a day off the customer's: a sort by a per-row date could
 * not use the summary's index.
 */
@Repository
public class AccountsInCollections {

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
            return IntStream.rangeClosed(1, pages())
                    .filter(n -> n == 1 || n == pages() || Math.abs(n - page) <= 2).boxed().toList();
        }
    }

    private static final Map<String, String> ORDER = Map.of(
            "name", "lower(a.name)",
            // spelt as the PostgreSQL expression index on the summary is
            "balance", "(s.open_invoice_total - s.unapplied_credit)",
            // the oldest due date first is the most days past due first
            "days", "s.oldest_unpaid_due_date");

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final BalancesAsOf balancesAsOf;
    private final Clock clock;

    AccountsInCollections(JdbcClient jdbc, Accounts accounts, BalancesAsOf balancesAsOf, Clock clock) {
        this.balancesAsOf = balancesAsOf;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The ids of every account the filter matches, in the list's order: what "select all N
     * matching" and a bulk action's filter cover. Page by page through {@link #find}, so the
     * selection is exactly the list the user saw.
     */
    public List<String> allMatching(AccountFilter filter, String signedInUser, LocalDate asOf) {
        return asOf == null || !asOf.isBefore(LocalDate.now(clock)) ? allMatching(filter, signedInUser)
                : matchingAsOf(filter, signedInUser, asOf);
    }

    /**
     * The report as it stood at the end of {@code asOf}, a past day: an account counts when it is out
     * of good standing now (no history of statuses is kept), or when on that day its oldest unpaid
     * invoice was more than the filter's days past due with more than its balance open, and its age
     * then falls in the filter's bucket. The receivables of that day come from {@link BalancesAsOf},
     * account by account, for the accounts that had an invoice due early enough to qualify.
     */
    private List<String> matchingAsOf(AccountFilter filter, String signedInUser, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("goodStanding", CollectionStatus.GOOD_STANDING)
                .addValue("asOf", asOf)
                // a day of slack for the zones ahead of UTC; each account's own day decides below
                .addValue("dueBefore", asOf.plusDays(1).minusDays(filter.minDaysOverdue()));
        List<String> where = new ArrayList<>(workConditions(filter, signedInUser, params));
        where.add("(s.collection_status <> :goodStanding or exists (select 1 from invoice i where i.account_id = s.account_id"
                + " and i.status <> 'VOID' and i.issue_date <= :asOf and i.due_date < :dueBefore))");
        List<Long> candidates = jdbc.sql("select s.account_id from account a join receivables_summary s on s.account_id = a.id"
                        + " where " + String.join(" and ", where) + " order by s.account_id")
                .paramSource(params).query(Long.class).list();
        List<String> matching = new ArrayList<>();
        for (Long id : candidates) {
            Account account = accounts.get(id);
            BalancesAsOf.AsOf then = balancesAsOf.of(account, asOf);
            // InCollections's condition, on that day's receivables
            String status = account.getCollectionStatus();
            boolean inCollections = !CollectionStatus.GOOD_STANDING.equals(status) && !CollectionStatus.WRITTEN_OFF.equals(status)
                    || CollectionStatus.GOOD_STANDING.equals(status) && filter.inCollections().isMetBy(then.daysPastDue(), then.balance());
            if (inCollections && (filter.bucket() == null || filter.bucket().contains(then.daysPastDue()))) {
                matching.add(account.getExternalId());
            }
        }
        return matching;
    }

    private List<String> allMatching(AccountFilter filter, String signedInUser) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page found = find(filter.onPage(page), signedInUser);
            found.rows().forEach(row -> ids.add(row.externalId()));
            if (page >= found.pages()) {
                return ids;
            }
        }
    }

    public Page find(AccountFilter filter, String signedInUser) {
        LocalDate today = LocalDate.now(clock);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("limit", AccountFilter.PAGE_SIZE)
                .addValue("offset", filter.offset());
        List<String> where = new ArrayList<>();
        where.add(InCollections.where(filter.inCollections(), today, params));
        where.addAll(workConditions(filter, signedInUser, params));
        AccountToday todayWhereTheCustomerIs = accounts.todayEverywhere();
        String zoneJoin = "";
        if (filter.bucket() != null) {
            Map<String, LocalDate> zones = todayWhereTheCustomerIs.byZone();
            if (zones.isEmpty()) {
                return new Page(List.of(), 0, filter.page(), AccountFilter.PAGE_SIZE);
            }
            zoneJoin = bucketJoin(zones, filter.bucket(), params);
            where.add(bucketCondition(filter.bucket()));
        }
        boolean readsAccounts = filter.search() != null || filter.bucket() != null || filter.sort().equals("name");
        String from = (readsAccounts ? " from account a join receivables_summary s on s.account_id = a.id" + zoneJoin
                : " from receivables_summary s") + " where " + String.join(" and ", where);
        // counted apart from the page: a count over the page query's rows (a window) would make it read every
        // matching row even where an index yields the first rows of the order directly
        long total = jdbc.sql("select count(*)" + from).paramSource(params).query(Long.class).single();
        if (total <= filter.offset()) {
            return new Page(List.of(), total, filter.page(), AccountFilter.PAGE_SIZE);
        }
        String columns = "s.account_id, s.collection_status, s.assigned_agent, s.open_invoice_total - s.unapplied_credit as balance,"
                + " s.oldest_unpaid_due_date";
        String sql = readsAccounts
                ? "select a.external_id, a.name, a.currency, a.time_zone, " + columns + from
                        + " order by " + order(filter, ORDER.get(filter.sort())) + ", s.account_id limit :limit offset :offset"
                // the page's 50 summaries first, in index order, and only their accounts joined
                : "select a.external_id, a.name, a.currency, a.time_zone, p.* from (select " + columns + from
                        + " order by " + order(filter, ORDER.get(filter.sort())) + ", s.account_id limit :limit offset :offset) p"
                        + " join account a on a.id = p.account_id"
                        + " order by " + order(filter, filter.sort().equals("balance") ? "p.balance" : "p.oldest_unpaid_due_date")
                        + ", p.account_id";
        List<Row> rows = jdbc.sql(sql).paramSource(params).query((rs, i) -> {
            LocalDate oldest = rs.getObject("oldest_unpaid_due_date", LocalDate.class);
            return new Row(rs.getString("external_id"), rs.getString("name"), rs.getString("collection_status"),
                    rs.getString("assigned_agent"), rs.getString("currency"), rs.getBigDecimal("balance"), oldest,
                    oldest == null ? 0 : Math.max(0, todayWhereTheCustomerIs.daysSince(oldest, rs.getString("time_zone"))));
        }).list();
        return new Page(rows, total, filter.page(), AccountFilter.PAGE_SIZE);
    }

    /**
     * The filter's conditions on who works the account, its status and its name or id. The status
     * and agent are the summary's copies (V20): most lists read the summary alone.
     */
    private static List<String> workConditions(AccountFilter filter, String signedInUser, MapSqlParameterSource params) {
        List<String> where = new ArrayList<>();
        switch (filter.assigned()) {
            case "mine" -> {
                where.add("s.assigned_agent = :me");
                params.addValue("me", signedInUser);
            }
            case "unassigned" -> where.add("s.assigned_agent is null");
            default -> { }
        }
        if (filter.agent() != null) {
            where.add("s.assigned_agent = :agent");
            params.addValue("agent", filter.agent());
        }
        if (filter.status() != null) {
            where.add("s.collection_status = :status");
            params.addValue("status", filter.status());
        }
        if (filter.search() != null) {
            where.add("(lower(a.name) like :pattern escape '\\' or lower(a.external_id) like :pattern escape '\\')");
            params.addValue("pattern", SqlLike.containing(filter.search().toLowerCase()));
        }
        return where;
    }

    /**
     * Each zone's due dates that put an account's oldest unpaid invoice in the bucket: due on or
     * before {@code latest_due} (at least {@code fromDays} past due), on or after {@code earliest_due}
     * (at most {@code toDays}).
     */
    private static String bucketJoin(Map<String, LocalDate> zones, AgingBucket bucket, MapSqlParameterSource params) {
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, LocalDate> zone : zones.entrySet()) {
            LocalDate today = zone.getValue();
            rows.add("(cast(:zone%d as varchar(64)), cast(:latestDue%d as date), cast(:earliestDue%d as date))".formatted(i, i, i));
            params.addValue("zone" + i, zone.getKey())
                    .addValue("latestDue" + i, today.minusDays(bucket.fromDays()))
                    .addValue("earliestDue" + i, bucket.toDays() == null ? null : today.minusDays(bucket.toDays()));
            i++;
        }
        // the widest dates any zone allows, as plain bounds an index on the due date can take (see bucketCondition)
        LocalDate latestToday = Collections.max(zones.values());
        LocalDate earliestToday = Collections.min(zones.values());
        params.addValue("bucketLatestDue", latestToday.minusDays(bucket.fromDays()))
                .addValue("bucketEarliestDue", bucket.toDays() == null ? null : earliestToday.minusDays(bucket.toDays()));
        return " join (values " + String.join(", ", rows) + ") as z (time_zone, latest_due, earliest_due) on z.time_zone = a.time_zone";
    }

    /** An account with nothing unpaid is 0 days past due, so in the first bucket; so is one whose oldest invoice is not yet due. */
    private static String bucketCondition(AgingBucket bucket) {
        if (bucket.fromDays() == 0) {
            return bucket.toDays() == null ? "1 = 1"
                    : "(s.oldest_unpaid_due_date is null or s.oldest_unpaid_due_date >= z.earliest_due)";
        }
        // the plain bounds first: a bucket is a narrow range of dates, read from the due date's index
        return "s.oldest_unpaid_due_date <= :bucketLatestDue and s.oldest_unpaid_due_date <= z.latest_due"
                + (bucket.toDays() == null ? "" : " and s.oldest_unpaid_due_date >= :bucketEarliestDue"
                        + " and s.oldest_unpaid_due_date >= z.earliest_due");
    }

    /** {@code column}: the sort's expression as the query at hand names it. */
    private static String order(AccountFilter filter, String column) {
        boolean descending = filter.descending();
        if (filter.sort().equals("days")) {
            // most days past due means the earliest date; accounts with nothing due go last either way
            return column + (descending ? " asc" : " desc") + " nulls last";
        }
        return column + (descending ? " desc" : " asc");
    }
}
