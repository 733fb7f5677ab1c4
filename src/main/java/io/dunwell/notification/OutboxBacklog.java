package io.dunwell.notification;

import java.time.Instant;

/** The messages of one channel that are due and not yet sent: how many, and since when the oldest waits. */
record OutboxBacklog(String channel, long waiting, Instant since) {
}
