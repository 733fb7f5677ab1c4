package io.dunwell.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One currency's open invoices as they stood at the end of one day, grouped by due date: the
 * open amount and how many invoices were open.
 */
record LedgerDay(String currency, LocalDate dueDate, BigDecimal open, long openInvoices) {
}
