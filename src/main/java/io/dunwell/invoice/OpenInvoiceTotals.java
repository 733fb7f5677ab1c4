package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

record OpenInvoiceTotals(Long accountId, long count, BigDecimal total, LocalDate oldestDueDate) {
}
