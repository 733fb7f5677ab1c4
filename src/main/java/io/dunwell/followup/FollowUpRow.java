package io.dunwell.followup;

/**
 * A follow-up task as the account page lists it: {@code holder} is who has the Tasklist task now
 * (null: the supervisors group), {@code open} whether it still waits in Tasklist.
 */
public record FollowUpRow(FollowUpTask task, String invoiceNumber, String holder, boolean open, boolean overdue) {
}
