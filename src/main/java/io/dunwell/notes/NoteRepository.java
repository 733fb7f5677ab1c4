package io.dunwell.notes;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface NoteRepository extends Repository<Note, Long> {

    Note save(Note note);

    Optional<Note> findById(Long id);

    List<Note> findByAccountIdAndInvoiceIdIsNullOrderByCreatedAtAscIdAsc(Long accountId);

    List<Note> findByInvoiceIdOrderByCreatedAtAscIdAsc(Long invoiceId);
}
