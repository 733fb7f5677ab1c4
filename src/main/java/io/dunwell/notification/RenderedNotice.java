package io.dunwell.notification;

/** A notice as the customer reads it: the subject, the HTML part and the plain-text part. */
public record RenderedNotice(String subject, String html, String text) {
}
