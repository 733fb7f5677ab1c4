package io.dunwell.notes;

/** A note was written (published inside its transaction). */
public record NoteAdded(Long noteId, Long accountId) {
}
