package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When money reached an invoice: each allocation that stands, dated by when its payment was
 * received or its credit note issued (as {@link BalancesAsOf} counts it), not by when Dunwell
 * booked it: a payment the billing system sends a week late was still paid on its day.
 * Reversed allocations are left out; only a void invoice has them.
 */
@Service
public class AllocationHistory {

    /** {@code payment} false: the money came from a credit note. */
    public record DatedAllocation(Long invoiceId, Instant valueTime, BigDecimal amount, boolean payment) {
    }

    private final JdbcClient jdbc;

    AllocationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per invoice id, oldest first; an invoice without money applied is missing from the map. */
    @Transactional(readOnly = true)
    public Map<Long, List<DatedAllocation>> ofInvoices(Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select al.invoice_id, coalesce(p.received_at, c.issued_at) as value_time, al.amount, al.payment_id
                from allocation al
                left join payment p on p.id = al.payment_id
                left join credit_note c on c.id = al.credit_note_id
                where al.invoice_id in (:invoices) and al.reversed_at is null
                order by value_time, al.id""")
                .param("invoices", invoiceIds)
                .query((rs, i) -> new DatedAllocation(rs.getLong("invoice_id"), rs.getTimestamp("value_time").toInstant(),
                        rs.getBigDecimal("amount"), rs.getObject("payment_id") != null))
                .list().stream().collect(Collectors.groupingBy(DatedAllocation::invoiceId, Collectors.toList()));
    }
}
