package io.dunwell.reporting;

import java.math.BigDecimal;

/** An account as an agent's list shows it; daysPastDue is null when nothing is overdue. */
public record AssignedAccount(String externalId, String name, String status, String currency, BigDecimal balance, Long daysPastDue) {
}
