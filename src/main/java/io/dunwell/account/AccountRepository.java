package io.dunwell.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByExternalId(String externalId);

    List<Account> findByExternalIdIn(Collection<String> externalIds);

    long countByCollectionStatus(String collectionStatus);

    /**
     * The time zones in use, asked on every accounts list: a walk from one zone to the next in the
     * time_zone index (V20), a handful of index probes, where {@code select distinct} reads every account.
     */
    @Query(nativeQuery = true, value = """
            with recursive zone (name) as (
                select min(time_zone) from account
                union all
                select (select min(a.time_zone) from account a where a.time_zone > zone.name) from zone where zone.name is not null)
            select name from zone where name is not null""")
    List<String> findTimeZones();
}
