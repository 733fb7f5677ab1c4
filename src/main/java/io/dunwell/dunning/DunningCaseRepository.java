package io.dunwell.dunning;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DunningCaseRepository extends JpaRepository<DunningCase, Long> {

    Optional<DunningCase> findByActiveAccountId(Long accountId);

    boolean existsByActiveAccountId(Long accountId);
}
