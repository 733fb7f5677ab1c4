package io.dunwell.bulk;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountFreezeRepository extends JpaRepository<AccountFreeze, Long> {

    /** The account's latest freeze that was not rolled back. */
    Optional<AccountFreeze> findFirstByAccountIdAndRolledBackAtIsNullOrderByFrozenAtDescIdDesc(Long accountId);
}
