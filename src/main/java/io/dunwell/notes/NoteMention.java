package io.dunwell.notes;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An agent named with {@code @id} in a note, and the mail that tells them: written with the note,
 * one per note and agent (unique), sent once by {@link MentionMails}.
 */
@Entity
@Table(name = "note_mention")
class NoteMention {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_mention_seq")
    @SequenceGenerator(name = "note_mention_seq", sequenceName = "note_mention_seq", allocationSize = 50)
    private Long id;

    private Long noteId;
    private String agentId;
    private String recipient;
    private String status;
    private int attempts;
    private String lastError;
    private Instant sentAt;

    protected NoteMention() {
    }

    NoteMention(Long noteId, String agentId, String recipient) {
        this.noteId = noteId;
        this.agentId = agentId;
        this.recipient = recipient;
        this.status = recipient == null ? FAILED : PENDING;
        this.lastError = recipient == null ? "The agent has no email address" : null;
    }

    void sent(Instant now) {
        attempts++;
        status = SENT;
        sentAt = now;
        lastError = null;
    }

    void attemptFailed(String error) {
        attempts++;
        lastError = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    boolean isPending() {
        return PENDING.equals(status);
    }

    /** The key of the mail to this agent about this note: its Message-ID derives from it. */
    String mailKey() {
        return "note:" + noteId + ":mention:" + agentId;
    }

    Long getId() {
        return id;
    }

    Long getNoteId() {
        return noteId;
    }

    String getAgentId() {
        return agentId;
    }

    String getRecipient() {
        return recipient;
    }

    String getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }
}
