package io.dunwell.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Accounts;
import io.dunwell.account.AccountToday;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.OverdueCondition;

/**
 * Where the accounts stand now: by collection status, by age, plotted by age and overdue balance,
 * and per agent. Every figure is one aggregate query; optionally narrowed to one agent's accounts.
 * "In collections" means what it means on the accounts list ({@link InCollections}).
 */
@Service
public class Portfolio {

    // the summary's copies of the account's status and agent (V20): most figures read the summary alone
    private static final String OF_AGENT = " and s.assigned_agent = :agent";

    private static final String SCATTER = """
            select a.external_id, a.name, a.assigned_agent, a.collection_status, a.time_zone, s.oldest_unpaid_due_date, s.currency,
                   (select coalesce(sum(i.balance), 0) from invoice i
                    where i.account_id = a.id and i.status = 'OPEN' and %2$s) - s.unapplied_credit as overdue
            from account a join receivables_summary s on s.account_id = a.id
            where %1$s and s.currency = :currency and %3$s%4$s
            order by s.oldest_unpaid_due_date, s.open_invoice_total desc, a.id
            limit :limit""";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    Portfolio(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The accounts' currencies, the one of most accounts first. */
    @Transactional(readOnly = true)
    public List<String> currencies() {
        return jdbc.sql("select currency, count(*) as accounts from account group by currency order by count(*) desc, currency")
                .query((rs, row) -> rs.getString("currency").trim()).list();
    }

    @Transactional(readOnly = true)
    public Standing standing(OverdueCondition inCollections, String agent) {
        Map<String, Long> byStatus = new TreeMap<>();
        long[] inCollectionsCount = {0};
        MapSqlParameterSource params = agentParams(agent);
        jdbc.sql("select s.collection_status, count(*) as accounts, sum(case when "
                        + InCollections.where(inCollections, LocalDate.now(clock), params) + " then 1 else 0 end) as in_collections"
                        + " from receivables_summary s where 1 = 1" + (agent == null ? "" : OF_AGENT) + " group by s.collection_status")
                .paramSource(params)
                .query(rs -> {
                    byStatus.put(rs.getString("collection_status"), rs.getLong("accounts"));
                    inCollectionsCount[0] += rs.getLong("in_collections");
                });
        return new Standing(byStatus, inCollectionsCount[0]);
    }

    /** Accounts in collections per bucket of their oldest unpaid invoice's days past due. */
    @Transactional(readOnly = true)
    public List<Long> inCollectionsByAge(AgingBuckets buckets, OverdueCondition inCollections, String agent) {
        AccountToday today = accounts.todayEverywhere();
        List<Long> counts = new ArrayList<>(Collections.nCopies(buckets.size(), 0L));
        MapSqlParameterSource params = agentParams(agent);
        jdbc.sql("select s.oldest_unpaid_due_date as due, a.time_zone, count(*) as accounts from receivables_summary s"
                        + " join account a on a.id = s.account_id where " + InCollections.where(inCollections, LocalDate.now(clock), params)
                        + (agent == null ? "" : OF_AGENT) + " group by s.oldest_unpaid_due_date, a.time_zone")
                .paramSource(params)
                .query(rs -> {
                    Date due = rs.getDate("due");
                    int bucket = due == null ? 0 : buckets.indexOf(today.daysSince(due.toLocalDate(), rs.getString("time_zone")));
                    counts.set(bucket, counts.get(bucket) + rs.getLong("accounts"));
                });
        return counts;
    }

    /** Up to {@code limit} overdue accounts in collections in one currency, the longest overdue (then largest) first. */
    @Transactional(readOnly = true)
    public List<ScatterPoint> scatter(String currency, OverdueCondition inCollections, String agent, int limit) {
        AccountToday today = accounts.todayEverywhere();
        MapSqlParameterSource params = agentParams(agent).addValue("currency", currency).addValue("limit", limit);
        return jdbc.sql(SCATTER.formatted(InCollections.where(inCollections, LocalDate.now(clock), params),
                        today.sqlDueBefore("i.due_date", "a.time_zone", 0),
                        today.sqlDueBefore("s.oldest_unpaid_due_date", "a.time_zone", 0), agent == null ? "" : OF_AGENT))
                .paramSource(params)
                .query((rs, row) -> new ScatterPoint(
                        rs.getString("external_id"), rs.getString("name"), rs.getString("assigned_agent"), rs.getString("collection_status"),
                        today.daysSince(rs.getDate("oldest_unpaid_due_date").toLocalDate(), rs.getString("time_zone")),
                        rs.getBigDecimal("overdue"), rs.getString("currency").trim()))
                .list();
    }

    /** How many accounts {@link #scatter} could show, had it no limit. */
    @Transactional(readOnly = true)
    public long overdueInCollections(String currency, OverdueCondition inCollections, String agent) {
        MapSqlParameterSource params = agentParams(agent).addValue("currency", currency);
        return jdbc.sql("select count(*) from receivables_summary s join account a on a.id = s.account_id where "
                        + InCollections.where(inCollections, LocalDate.now(clock), params) + " and s.currency = :currency and "
                        + accounts.todayEverywhere().sqlDueBefore("s.oldest_unpaid_due_date", "a.time_zone", 0)
                        + (agent == null ? "" : OF_AGENT))
                .paramSource(params)
                .query(Long.class).single();
    }

    /** Every agent with accounts (and the unassigned accounts, agent null), by number of accounts. */
    @Transactional(readOnly = true)
    public List<AgentLoad> agents() {
        return loads("", agentParams(null));
    }

    /** One agent's accounts and balances, through the agent's index rather than over every account. */
    @Transactional(readOnly = true)
    public Optional<AgentLoad> agent(String agent) {
        return loads(" where s.assigned_agent = :agent", agentParams(agent)).stream().findFirst();
    }

    private List<AgentLoad> loads(String where, MapSqlParameterSource params) {
        Map<String, Map<String, Long>> statuses = new LinkedHashMap<>();
        jdbc.sql("select s.assigned_agent, s.collection_status, count(*) as accounts from receivables_summary s" + where
                        + " group by s.assigned_agent, s.collection_status")
                .paramSource(params)
                .query(rs -> {
                    statuses.computeIfAbsent(key(rs.getString("assigned_agent")), agent -> new TreeMap<>())
                            .put(rs.getString("collection_status"), rs.getLong("accounts"));
                });
        Map<String, Map<String, BigDecimal>> balances = new LinkedHashMap<>();
        jdbc.sql("select s.assigned_agent, s.currency, sum(s.open_invoice_total - s.unapplied_credit) as balance"
                        + " from receivables_summary s" + where + " group by s.assigned_agent, s.currency"
                        + " order by sum(s.open_invoice_total - s.unapplied_credit) desc")
                .paramSource(params)
                .query(rs -> {
                    balances.computeIfAbsent(key(rs.getString("assigned_agent")), agent -> new LinkedHashMap<>())
                            .put(rs.getString("currency").trim(), rs.getBigDecimal("balance"));
                });
        return statuses.entrySet().stream()
                .map(entry -> new AgentLoad(entry.getKey().isEmpty() ? null : entry.getKey(),
                        entry.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        balances.getOrDefault(entry.getKey(), Map.of()), entry.getValue()))
                .sorted((a, b) -> a.agent() == null ? 1 : b.agent() == null ? -1 : Long.compare(b.accounts(), a.accounts()))
                .toList();
    }

    /** Up to {@code limit} of the agent's accounts, the longest overdue first. */
    @Transactional(readOnly = true)
    public List<AssignedAccount> assignedTo(String agent, int limit) {
        AccountToday today = accounts.todayEverywhere();
        // the first summaries by the agent's index, then only their accounts
        return jdbc.sql("select a.external_id, a.name, s.collection_status, a.currency, a.time_zone, s.oldest_unpaid_due_date,"
                        + " s.balance from (select s.account_id, s.collection_status, s.oldest_unpaid_due_date,"
                        + " s.open_invoice_total - s.unapplied_credit as balance from receivables_summary s where s.assigned_agent = :agent"
                        + " order by case when s.oldest_unpaid_due_date is null then 1 else 0 end, s.oldest_unpaid_due_date, s.account_id"
                        + " limit :limit) s join account a on a.id = s.account_id"
                        + " order by case when s.oldest_unpaid_due_date is null then 1 else 0 end, s.oldest_unpaid_due_date, a.id")
                .paramSource(agentParams(agent).addValue("limit", limit))
                .query((rs, row) -> {
                    Date due = rs.getDate("oldest_unpaid_due_date");
                    Long days = due == null ? null : today.daysSince(due.toLocalDate(), rs.getString("time_zone"));
                    return new AssignedAccount(rs.getString("external_id"), rs.getString("name"), rs.getString("collection_status"),
                            rs.getString("currency").trim(), rs.getBigDecimal("balance"), days != null && days > 0 ? days : null);
                })
                .list();
    }

    private static String key(String agent) {
        return agent == null ? "" : agent;
    }

    private static MapSqlParameterSource agentParams(String agent) {
        return new MapSqlParameterSource().addValue("agent", agent);
    }
}
