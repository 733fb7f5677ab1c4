package io.dunwell.reporting;

import java.math.BigDecimal;

/** An account in collections: how long it has been past due, what it owes overdue, and who works it. */
public record ScatterPoint(String externalId, String name, String agent, String status, long daysPastDue,
                           BigDecimal overdueBalance, String currency) {
}
