package io.dunwell.notes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface NoteAttachmentRepository extends Repository<NoteAttachment, Long> {

    NoteAttachment save(NoteAttachment attachment);

    Optional<NoteAttachment> findById(Long id);

    @Query("""
            select new io.dunwell.notes.AttachmentInfo(a.id, a.noteId, a.name, a.contentType, a.size)
            from NoteAttachment a where a.noteId in :noteIds order by a.id""")
    List<AttachmentInfo> infoOf(Collection<Long> noteIds);
}
