package io.dunwell.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open invoice amounts at the end of past days and credit sales per period, per currency, in one
 * pass over the invoices.
 * <p>
 * An invoice not changed since a day still has the balance it had then. For one changed since,
 * the open amount that day is its amount less what was allocated to it from payments received and
 * credit notes issued by then, unless the allocation was reversed by then. Balances the billing system changed directly, and invoices voided
 * later, are the approximation: voided invoices count as never issued. Unapplied cash is not netted.
 * Rows are grouped by due date so that callers age them in Java, which keeps the SQL free of date
 * arithmetic (H2 and PostgreSQL spell it differently).
 */
@Component
class LedgerHistory {

    private final JdbcClient jdbc;

    LedgerHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #at} found: per day asked, the open invoices by currency and due date; per period, the credit sales. */
    record Snapshot(Map<LocalDate, List<LedgerDay>> days, Map<Period, Map<String, BigDecimal>> creditSales) {
    }

    Snapshot at(List<LocalDate> days, List<Period> periods) {
        LocalDate earliest = days.stream().min(LocalDate::compareTo).orElseThrow();
        for (Period period : periods) {
            earliest = period.start().isBefore(earliest) ? period.start() : earliest;
        }
        LocalDate latest = days.stream().max(LocalDate::compareTo).orElseThrow();
        List<Object> args = new ArrayList<>();
        StringBuilder inner = new StringBuilder("select i.currency, i.due_date, i.issue_date, i.amount");
        for (int k = 0; k < days.size(); k++) {
            Timestamp endOfDay = endOf(days.get(k));
            inner.append(", case when i.updated_at < ? then i.balance else i.amount - coalesce((select sum(a.amount) from allocation a"
                    + " left join payment p on p.id = a.payment_id left join credit_note c on c.id = a.credit_note_id"
                    + " where a.invoice_id = i.id and coalesce(p.received_at, c.issued_at) < ?"
                    + " and (a.reversed_at is null or a.reversed_at >= ?)), 0) end as open")
                    .append(k);
            args.add(endOfDay);
            args.add(endOfDay);
            args.add(endOfDay);
        }
        inner.append(" from invoice i where i.status <> 'VOID' and i.issue_date <= ?"
                + " and (i.balance > 0 or i.updated_at >= ? or i.issue_date > ?)");
        args.add(Date.valueOf(latest));
        args.add(endOf(earliest));
        args.add(Date.valueOf(earliest));

        List<Object> outerArgs = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select x.currency, x.due_date");
        for (int k = 0; k < days.size(); k++) {
            sql.append(", sum(case when x.issue_date <= ? then x.open").append(k).append(" else 0 end) as open").append(k)
                    .append(", sum(case when x.issue_date <= ? and x.open").append(k).append(" > 0 then 1 else 0 end) as count").append(k);
            outerArgs.add(Date.valueOf(days.get(k)));
            outerArgs.add(Date.valueOf(days.get(k)));
        }
        for (int p = 0; p < periods.size(); p++) {
            sql.append(", sum(case when x.issue_date > ? and x.issue_date <= ? then x.amount else 0 end) as sales").append(p);
            outerArgs.add(Date.valueOf(periods.get(p).start()));
            outerArgs.add(Date.valueOf(periods.get(p).end()));
        }
        sql.append(" from (").append(inner).append(") x group by x.currency, x.due_date");
        outerArgs.addAll(args);

        Map<LocalDate, List<LedgerDay>> byDay = new LinkedHashMap<>();
        days.forEach(day -> byDay.put(day, new ArrayList<>()));
        Map<Period, Map<String, BigDecimal>> sales = new LinkedHashMap<>();
        periods.forEach(period -> sales.put(period, new LinkedHashMap<>()));
        jdbc.sql(sql.toString()).params(outerArgs).query((ResultSet rs) -> {
            String currency = rs.getString("currency").trim();
            LocalDate due = rs.getDate("due_date").toLocalDate();
            for (int k = 0; k < days.size(); k++) {
                long count = rs.getLong("count" + k);
                if (count > 0) {
                    byDay.get(days.get(k)).add(new LedgerDay(currency, due, rs.getBigDecimal("open" + k), count));
                }
            }
            for (int p = 0; p < periods.size(); p++) {
                sales.get(periods.get(p)).merge(currency, amount(rs, "sales" + p), BigDecimal::add);
            }
        });
        return new Snapshot(byDay, sales);
    }

    private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The first instant after the day, in UTC: "on or before the day" means "before this". */
    static Timestamp endOf(LocalDate day) {
        return Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
