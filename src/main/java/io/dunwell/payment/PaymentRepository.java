package io.dunwell.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByExternalId(String externalId);

    List<Payment> findByAccountIdOrderByReceivedAtAscIdAsc(Long accountId);

    List<Payment> findByAccountIdOrderByReceivedAtDescIdDesc(Long accountId, Limit limit);

    long countByAccountId(Long accountId);

    @Query("select coalesce(sum(p.amount), 0) from Payment p where p.accountId = ?1 and p.createdAt >= ?2")
    BigDecimal totalRecordedSince(Long accountId, Instant since);
}
