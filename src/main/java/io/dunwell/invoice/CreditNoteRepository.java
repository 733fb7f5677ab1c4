package io.dunwell.invoice;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CreditNoteRepository extends JpaRepository<CreditNote, Long> {

    Optional<CreditNote> findByExternalId(String externalId);

    List<CreditNote> findByAccountIdOrderByIssuedAtAscIdAsc(Long accountId);
}
