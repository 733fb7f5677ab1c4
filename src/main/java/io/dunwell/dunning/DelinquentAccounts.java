package io.dunwell.dunning;

import java.sql.Date;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the accounts a dunning run must open a case for, page by page in account id order, so a
 * run can split the id space into partitions and resume each after its last account.
 * <p>
 * Whether an account is delinquent depends on its own "today". Accounts use few distinct time
 * zones, so each page first reads them and passes every zone's exact today and due-date cutoff
 * into the one set-based query as a VALUES table. That keeps the query exact and portable
 * (no time-zone or date arithmetic in SQL, which H2 and PostgreSQL spell differently), where a
 * conservative cutoff would need a per-account re-check in Java and would make pages uneven.
 */
@Service
@EnableConfigurationProperties(DunningPolicy.class)
public class DelinquentAccounts {

    private static final Logger log = LoggerFactory.getLogger(DelinquentAccounts.class);

    private static final String PAGE = """
            select a.id
            from account a
            join (values %s) as z (time_zone, today, due_before) on z.time_zone = a.time_zone
            join receivables_summary s on s.account_id = a.id
            where a.id > ? and a.id <= ?
              and a.dunning_exempt = false
              and a.frozen = false
              and (a.dunning_paused_until is null or a.dunning_paused_until < z.today)
              and s.oldest_unpaid_due_date < z.due_before
              and not exists (select 1 from dunning_case c where c.active_account_id = a.id)
              and (select coalesce(sum(i.balance), 0) from invoice i
                   where i.account_id = a.id and i.status = 'OPEN' and i.due_date < z.today) - s.unapplied_credit > ?
            order by a.id
            limit ?""";

    private final JdbcClient jdbc;
    private final DunningPolicy policy;

    DelinquentAccounts(JdbcClient jdbc, DunningPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Up to {@code limit} delinquent accounts' ids above {@code afterAccountId}, ascending. */
    @Transactional(readOnly = true)
    public List<Long> page(long afterAccountId, int limit, Instant now) {
        return page(afterAccountId, Long.MAX_VALUE, limit, now);
    }

    /** Like {@link #page(long, int, Instant)}, within the partition up to and including {@code throughAccountId}. */
    @Transactional(readOnly = true)
    public List<Long> page(long afterAccountId, long throughAccountId, int limit, Instant now) {
        List<ZoneDay> days = zoneDays(now);
        if (days.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        for (ZoneDay day : days) {
            args.add(day.zone());
            args.add(Date.valueOf(day.today()));
            args.add(Date.valueOf(day.today().minusDays(policy.minDaysPastDue())));
        }
        args.add(afterAccountId);
        args.add(throughAccountId);
        args.add(policy.threshold());
        args.add(limit);
        String values = String.join(", ", Collections.nCopies(days.size(), "(cast(? as varchar(64)), cast(? as date), cast(? as date))"));
        return jdbc.sql(PAGE.formatted(values)).params(args).query(Long.class).list();
    }

    /** Whether the account is delinquent now, by the same rules as a page. */
    @Transactional(readOnly = true)
    public boolean isDelinquent(Long accountId, Instant now) {
        return !page(accountId - 1, accountId, 1, now).isEmpty();
    }

    /** The highest account id, to split a run into id-range partitions. */
    @Transactional(readOnly = true)
    public Optional<Long> maxAccountId() {
        return jdbc.sql("select max(id) from account").query(Long.class).optional();
    }

    private List<ZoneDay> zoneDays(Instant now) {
        List<ZoneDay> days = new ArrayList<>();
        for (String zone : jdbc.sql("select distinct time_zone from account").query(String.class).list()) {
            try {
                days.add(new ZoneDay(zone, LocalDate.ofInstant(now, ZoneId.of(zone))));
            } catch (DateTimeException unknownZone) {
                // the validator accepts only valid zones; one this JVM's zone data dropped is not guessed at
                log.warn("Accounts in unknown time zone '{}' are left out of dunning", zone);
            }
        }
        return days;
    }

    private record ZoneDay(String zone, LocalDate today) {
    }
}
