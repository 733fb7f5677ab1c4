package io.dunwell.api;

/** How many failed mails {@code POST /api/v1/messages/retry-failed} sent back to their retries. */
record RetriedMessages(int retried) {
}
