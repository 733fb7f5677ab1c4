package io.dunwell.notes;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * What an agent wrote on an account or on one of its invoices; a reply names its parent. Written
 * once and never changed: no setters here, and the database refuses UPDATE and DELETE.
 */
@Entity
@Table(name = "note")
@Immutable
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_seq")
    @SequenceGenerator(name = "note_seq", sequenceName = "note_seq", allocationSize = 50)
    private Long id;

    private Long accountId;
    private Long invoiceId;
    private Long parentId;
    private String author;
    private Instant createdAt;
    private String body;

    protected Note() {
    }

    Note(NoteThread thread, Long parentId, String author, Instant createdAt, String body) {
        this.accountId = thread.accountId();
        this.invoiceId = thread.invoiceId();
        this.parentId = parentId;
        this.author = author;
        this.createdAt = createdAt;
        this.body = body;
    }

    boolean belongsTo(NoteThread thread) {
        return accountId.equals(thread.accountId()) && Objects.equals(invoiceId, thread.invoiceId());
    }

    public boolean isReply() {
        return parentId != null;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getBody() {
        return body;
    }
}
