package io.dunwell.payment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByExternalId(String externalId);

    List<Payment> findByAccountIdOrderByReceivedAtAscIdAsc(Long accountId);
}
