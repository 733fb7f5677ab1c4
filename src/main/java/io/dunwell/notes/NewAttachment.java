package io.dunwell.notes;

import org.springframework.core.io.InputStreamSource;

/** A file to attach to a new note; {@code content} is read only once its size has passed. */
public record NewAttachment(String name, String contentType, long size, InputStreamSource content) {
}
