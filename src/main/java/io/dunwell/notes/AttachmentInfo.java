package io.dunwell.notes;

/** An attachment as the thread lists it, without its bytes. */
public record AttachmentInfo(Long id, Long noteId, String name, String contentType, int size) {
}
