package io.dunwell.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.settings.AgingBuckets;

/** DSO, CEI, average days past due, accounts falling behind and the promise kept rate, month over month. */
@Service
public class KeyMetrics {

    public static final String AVERAGE_DAYS_PAST_DUE = "Average days past due = Σ days past due of the open overdue invoices "
            + "÷ their number (simple, not balance-weighted; all currencies)";
    public static final String FALLING_BEHIND = "Accounts falling behind = accounts whose dunning case opened in the period";
    public static final String PROMISE_KEPT_RATE = "Promise kept rate = kept ÷ (kept + broken) × 100, "
            + "promises decided in the period (by their last checked installment)";

    private static final String FALLING_BEHIND_SQL = """
            select sum(case when c.opened_at >= ? and c.opened_at < ? then 1 else 0 end) as current_period,
                   sum(case when c.opened_at >= ? and c.opened_at < ? then 1 else 0 end) as previous_period
            from dunning_case c where c.opened_at >= ? and c.opened_at < ?""";

    private static final String PROMISES_SQL = """
            select p.status, sum(case when d.decided >= ? then 1 else 0 end) as current_period,
                   sum(case when d.decided < ? then 1 else 0 end) as previous_period
            from promise_to_pay p
            join (select promise_id, max(checked_at) as decided from installment where checked_at is not null group by promise_id) d
              on d.promise_id = p.id
            where p.status in ('KEPT', 'BROKEN') and d.decided >= ? and d.decided < ?
            group by p.status""";

    private final LedgerHistory ledger;
    private final Portfolio portfolio;
    private final JdbcClient jdbc;
    private final Clock clock;

    KeyMetrics(LedgerHistory ledger, Portfolio portfolio, JdbcClient jdbc, Clock clock) {
        this.ledger = ledger;
        this.portfolio = portfolio;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The last 30 days against the 30 days before, as of today on the shared clock (UTC). */
    @Transactional(readOnly = true)
    public KeyMetricsReport report(AgingBuckets buckets) {
        Period current = Period.last30Days(LocalDate.now(clock));
        Period previous = current.previous();
        LedgerHistory.Snapshot snapshot = ledger.at(List.of(previous.start(), previous.end(), current.end()), List.of(previous, current));

        List<CurrencyMetrics> currencies = new ArrayList<>();
        for (String currency : portfolio.currencies()) {
            List<LedgerDay> start = only(snapshot.days().get(previous.start()), currency);
            List<LedgerDay> middle = only(snapshot.days().get(previous.end()), currency);
            List<LedgerDay> end = only(snapshot.days().get(current.end()), currency);
            BigDecimal salesBefore = snapshot.creditSales().get(previous).getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal salesNow = snapshot.creditSales().get(current).getOrDefault(currency, BigDecimal.ZERO);
            Trend dso = new Trend(Dso.of(total(end), salesNow, current.days()).orElse(null),
                    Dso.of(total(middle), salesBefore, previous.days()).orElse(null));
            Trend cei = new Trend(cei(middle, salesNow, end, current.end()), cei(start, salesBefore, middle, previous.end()));
            currencies.add(new CurrencyMetrics(currency, dso, cei, total(end),
                    total(end).subtract(notYetDue(end, current.end())), aging(buckets, end, current.end())));
        }
        long[] promises = promises(current, previous);
        return new KeyMetricsReport(current, buckets, currencies,
                new Trend(averageDaysPastDue(snapshot.days().get(current.end()), current.end()),
                        averageDaysPastDue(snapshot.days().get(previous.end()), previous.end())),
                fallingBehind(current, previous), keptRate(promises[0], promises[1], promises[2], promises[3]),
                promises[0], promises[1]);
    }

    private static BigDecimal cei(List<LedgerDay> beginning, BigDecimal sales, List<LedgerDay> ending, LocalDate endDay) {
        return Cei.of(total(beginning), sales, total(ending), notYetDue(ending, endDay)).orElse(null);
    }

    private static List<LedgerDay> only(List<LedgerDay> days, String currency) {
        return days.stream().filter(day -> day.currency().equals(currency)).toList();
    }

    private static BigDecimal total(List<LedgerDay> days) {
        return days.stream().map(LedgerDay::open).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal notYetDue(List<LedgerDay> days, LocalDate asOf) {
        return days.stream().filter(day -> !day.dueDate().isBefore(asOf)).map(LedgerDay::open).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<BigDecimal> aging(AgingBuckets buckets, List<LedgerDay> days, LocalDate asOf) {
        Map<LocalDate, BigDecimal> byDue = new HashMap<>();
        days.forEach(day -> byDue.merge(day.dueDate(), day.open(), BigDecimal::add));
        return Aging.totals(buckets, asOf, byDue);
    }

    static BigDecimal averageDaysPastDue(List<LedgerDay> days, LocalDate asOf) {
        long invoices = 0;
        long dayTotal = 0;
        for (LedgerDay day : days) {
            long pastDue = Aging.daysPastDue(day.dueDate(), asOf);
            if (pastDue > 0) {
                invoices += day.openInvoices();
                dayTotal += pastDue * day.openInvoices();
            }
        }
        return invoices == 0 ? null : BigDecimal.valueOf(dayTotal).divide(BigDecimal.valueOf(invoices), 1, RoundingMode.HALF_UP);
    }

    private Trend fallingBehind(Period current, Period previous) {
        return jdbc.sql(FALLING_BEHIND_SQL)
                .params(LedgerHistory.endOf(current.start()), LedgerHistory.endOf(current.end()),
                        LedgerHistory.endOf(previous.start()), LedgerHistory.endOf(previous.end()),
                        LedgerHistory.endOf(previous.start()), LedgerHistory.endOf(current.end()))
                .query((rs, row) -> new Trend(
                        BigDecimal.valueOf(rs.getLong("current_period")), BigDecimal.valueOf(rs.getLong("previous_period"))))
                .single();
    }

    /** Kept and broken this period, then kept and broken the period before. */
    private long[] promises(Period current, Period previous) {
        long[] counts = new long[4];
        Timestamp split = LedgerHistory.endOf(current.start());
        jdbc.sql(PROMISES_SQL)
                .params(split, split, LedgerHistory.endOf(previous.start()), LedgerHistory.endOf(current.end()))
                .query(rs -> {
                    int offset = "KEPT".equals(rs.getString("status")) ? 0 : 1;
                    counts[offset] = rs.getLong("current_period");
                    counts[offset + 2] = rs.getLong("previous_period");
                });
        return counts;
    }

    private static Trend keptRate(long kept, long broken, long keptBefore, long brokenBefore) {
        return new Trend(rate(kept, broken), rate(keptBefore, brokenBefore));
    }

    static BigDecimal rate(long kept, long broken) {
        return kept + broken == 0 ? null
                : BigDecimal.valueOf(kept * 100).divide(BigDecimal.valueOf(kept + broken), 1, RoundingMode.HALF_UP);
    }
}
