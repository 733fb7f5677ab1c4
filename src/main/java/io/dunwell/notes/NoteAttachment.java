package io.dunwell.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A file that goes with a note, its bytes in the row; as immutable as the note. */
@Entity
@Table(name = "note_attachment")
@Immutable
public class NoteAttachment {

    /** The most one attachment may hold. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_attachment_seq")
    @SequenceGenerator(name = "note_attachment_seq", sequenceName = "note_attachment_seq", allocationSize = 50)
    private Long id;

    private Long noteId;
    private String name;
    private String contentType;
    @Column(name = "size_bytes")
    private int size;
    // bytea in the row, not a PostgreSQL large object (see OutboxMessage)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    private byte[] content;

    protected NoteAttachment() {
    }

    public NoteAttachment(Long noteId, String name, String contentType, byte[] content) {
        this.noteId = noteId;
        this.name = name;
        this.contentType = contentType;
        this.size = content.length;
        this.content = content;
    }

    Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content;
    }
}
