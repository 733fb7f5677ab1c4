package io.dunwell.dunning;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;

import org.springframework.data.jpa.repository.JpaRepository;

interface DunningCaseRepository extends JpaRepository<DunningCase, Long> {

    Optional<DunningCase> findByActiveAccountId(Long accountId);

    boolean existsByActiveAccountId(Long accountId);

    @Query("select c.activeAccountId from DunningCase c where c.activeAccountId in ?1")
    List<Long> activeAccountIdsAmong(Collection<Long> accountIds);

    /** Per collection status of the account: how many cases are active (status, count). */
    @Query(value = "select a.collection_status, count(*) from dunning_case c join account a on a.id = c.active_account_id"
            + " group by a.collection_status", nativeQuery = true)
    List<Object[]> activeByCollectionStatus();
}
