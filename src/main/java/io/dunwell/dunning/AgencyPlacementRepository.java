package io.dunwell.dunning;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyPlacementRepository extends JpaRepository<AgencyPlacement, Long> {

    Optional<AgencyPlacement> findByDunningCaseId(Long dunningCaseId);

    Optional<AgencyPlacement> findByFileName(String fileName);

    List<AgencyPlacement> findByAccountIdOrderByPlacedAtAscIdAsc(Long accountId);
}
