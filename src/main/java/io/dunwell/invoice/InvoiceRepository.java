package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    Optional<Invoice> findByExternalId(String externalId);

    List<Invoice> findByExternalIdIn(Collection<String> externalIds);

    @Query("select i from Invoice i where i.accountId = ?1 and i.status = 'OPEN' order by i.dueDate, i.issueDate, i.id")
    List<Invoice> findOpenOldestFirst(Long accountId);

    List<Invoice> findByAccountIdOrderByDueDateAscIdAsc(Long accountId);

    List<Invoice> findByAccountIdAndStatusOrderByDueDateAscIdAsc(Long accountId, String status);

    /**
     * Only for {@link Receivables#refresh}, which flushes right before: the hint spares the
     * auto-flush, a second dirty check of every entity in what may be a large persistence context.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("""
            select new io.dunwell.invoice.OpenInvoiceTotals(i.accountId, count(i), coalesce(sum(i.balance), 0), min(i.dueDate))
            from Invoice i where i.accountId in ?1 and i.status = 'OPEN' group by i.accountId""")
    List<OpenInvoiceTotals> openTotals(Collection<Long> accountIds);

    @Query("select coalesce(sum(i.balance), 0) from Invoice i where i.accountId = ?1 and i.status = 'OPEN' and i.dueDate < ?2")
    BigDecimal overdueTotal(Long accountId, LocalDate today);

    boolean existsByAccountId(Long accountId);
}
