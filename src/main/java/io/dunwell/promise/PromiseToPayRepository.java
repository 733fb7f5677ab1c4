package io.dunwell.promise;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PromiseToPayRepository extends JpaRepository<PromiseToPay, Long> {

    List<PromiseToPay> findByAccountIdOrderByMadeAtAscIdAsc(Long accountId);

    int countByDunningCaseIdAndStatus(Long dunningCaseId, PromiseStatus status);
}
