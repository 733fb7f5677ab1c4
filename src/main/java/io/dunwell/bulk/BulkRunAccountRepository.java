package io.dunwell.bulk;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BulkRunAccountRepository extends JpaRepository<BulkRunAccount, Long> {

    List<BulkRunAccount> findByBulkActionIdOrderByPosition(Long bulkActionId);
}
