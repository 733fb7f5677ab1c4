package io.dunwell.followup;

/** Pending while someone has to act; completed when done; closed when it no longer matters (Zuora Collect's three). */
public enum FollowUpStatus {
    PENDING, COMPLETED, CLOSED
}
