package io.dunwell.invoice;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.system.Money;

/**
 * An account's receivables as they stood at the end of a past day (in the account's time zone),
 * for reports with an as-of date. An invoice counts from its issue date; money counts from when it
 * was received (a payment) or issued (a credit note), and an allocation reversed later still
 * counts as it stood then. A void invoice is left out for every date: the billing system voided it
 * as if it never was. Money not applied to any invoice is subtracted as it is unapplied now.
 */
@Service
public class BalancesAsOf {

    /** An invoice with money still open at the end of the day. */
    public record OpenItem(String externalId, String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
                           BigDecimal balance) {
    }

    /** The account on that day; {@code balance} is what the open items add up to, less unapplied money. */
    public record AsOf(LocalDate date, String currency, BigDecimal balance, List<OpenItem> openItems,
                       LocalDate oldestUnpaidDueDate, long daysPastDue) {
    }

    private final JdbcClient jdbc;

    BalancesAsOf(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AsOf of(Account account, LocalDate date) {
        Currency currency = account.currency();
        Instant endOfDay = date.plusDays(1).atStartOfDay(account.zone()).toInstant();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("account", account.getId())
                .addValue("date", date)
                .addValue("end", Timestamp.from(endOfDay))
                .addValue("void", Invoice.VOID);
        List<OpenItem> items = jdbc.sql("""
                select i.external_id, i.number, i.issue_date, i.due_date, i.amount,
                       i.amount - coalesce((select sum(al.amount) from allocation al
                                            left join payment p on p.id = al.payment_id
                                            left join credit_note c on c.id = al.credit_note_id
                                            where al.invoice_id = i.id
                                              and coalesce(p.received_at, c.issued_at) < :end
                                              and (al.reversed_at is null or al.reversed_at >= :end)), 0) as balance
                from invoice i
                where i.account_id = :account and i.issue_date <= :date and i.status <> :void
                order by i.due_date, i.id""")
                .paramSource(params)
                .query((rs, i) -> new OpenItem(rs.getString("external_id"),
                        rs.getString("number"), rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                        Money.scaled(rs.getBigDecimal("amount"), currency), Money.scaled(rs.getBigDecimal("balance"), currency)))
                .list().stream().filter(item -> item.balance().signum() > 0).toList();
        BigDecimal unapplied = jdbc.sql("""
                select coalesce((select sum(unapplied_amount) from payment where account_id = :account and received_at < :end), 0)
                     + coalesce((select sum(unapplied_amount) from credit_note where account_id = :account and issued_at < :end), 0)""")
                .paramSource(params)
                .query(BigDecimal.class).single();
        BigDecimal open = items.stream().map(OpenItem::balance).reduce(Money.zero(currency), BigDecimal::add);
        LocalDate oldest = items.stream().map(OpenItem::dueDate).min(LocalDate::compareTo).orElse(null);
        long days = oldest == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(oldest, date));
        return new AsOf(date, account.getCurrency(), Money.scaled(open.subtract(unapplied), currency), items, oldest, days);
    }
}
