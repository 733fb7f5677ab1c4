package io.dunwell.notification;

/** A PDF that goes with a notice, rendered when the notice is queued and sent as it was stored. */
record Attachment(String name, byte[] pdf) {
}
