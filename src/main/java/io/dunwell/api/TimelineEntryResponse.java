package io.dunwell.api;

import java.time.Instant;

import io.dunwell.timeline.TimelineEntry;

record TimelineEntryResponse(Instant occurredAt, String type, String summary, String reference, String actor) {

    static TimelineEntryResponse of(TimelineEntry e) {
        return new TimelineEntryResponse(e.getOccurredAt(), e.getType(), e.getSummary(), e.getReference(), e.getActor());
    }
}
