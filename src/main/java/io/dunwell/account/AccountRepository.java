package io.dunwell.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByExternalId(String externalId);

    List<Account> findByExternalIdIn(Collection<String> externalIds);

    long countByCollectionStatus(String collectionStatus);
}
