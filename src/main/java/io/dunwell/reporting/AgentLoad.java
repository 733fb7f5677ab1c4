package io.dunwell.reporting;

import java.math.BigDecimal;
import java.util.Map;

/** One agent's accounts (agent null: unassigned): how many, their balance per currency, how many per status. */
public record AgentLoad(String agent, long accounts, Map<String, BigDecimal> balanceByCurrency, Map<String, Long> byStatus) {
}
