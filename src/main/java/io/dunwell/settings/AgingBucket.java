package io.dunwell.settings;

/**
 * One column of the dashboard's aging: invoices {@code fromDays} to {@code toDays} days past due,
 * both inclusive; {@code toDays} is null for the last, open-ended bucket. "Current" is 0 to 0:
 * not yet due or due today.
 */
public record AgingBucket(String name, int fromDays, Integer toDays) {

    public boolean contains(long daysOverdue) {
        long days = Math.max(0, daysOverdue);
        return days >= fromDays && (toDays == null || days <= toDays);
    }
}
