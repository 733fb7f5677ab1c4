package io.dunwell.notes;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A note as the thread shows it: with its attachments and, for a note that starts a conversation, its replies. */
public record NoteView(Note note, List<AttachmentInfo> attachments, List<NoteView> replies) {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String writtenAt() {
        return WRITTEN.format(note.getCreatedAt());
    }

    /** The body's lines: the page escapes each and puts a line break between them, so no markup ever comes through. */
    public List<String> lines() {
        return List.of(note.getBody().split("\n", -1));
    }

    /**
     * The body's lines, each as text and {@code @mentions}: a saved note mentions only active
     * agents (anything else was refused), so every mention found is one. The page escapes each part.
     */
    public List<List<Segment>> segments() {
        return lines().stream().map(Mentions::split).toList();
    }

    /** A piece of a line: plain text, or an {@code @id} that mentions an agent. */
    public record Segment(String text, boolean mention) {
    }
}
