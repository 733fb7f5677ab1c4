package io.dunwell.settings;

import java.math.BigDecimal;

/** Met when something is more than {@code daysOverdue} days past due and its amount is above {@code amount}. */
public record OverdueCondition(int daysOverdue, BigDecimal amount) {

    public boolean isMetBy(long daysPastDue, BigDecimal open) {
        return daysPastDue > daysOverdue && open.compareTo(amount) > 0;
    }
}
