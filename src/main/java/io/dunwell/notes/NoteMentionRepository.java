package io.dunwell.notes;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface NoteMentionRepository extends Repository<NoteMention, Long> {

    NoteMention save(NoteMention mention);

    List<NoteMention> findByNoteIdOrderById(Long noteId);

    @Query("select m.id from NoteMention m where m.status = 'PENDING' order by m.id")
    List<Long> pending();

    /** Takes the mention's row lock for the rest of the transaction: one sender at a time, on any node. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from NoteMention m where m.id = :id")
    Optional<NoteMention> lock(Long id);
}
