package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An account's receivables on a given day, in the account's currency. */
public record Balances(String currency, BigDecimal openBalance, BigDecimal overdueBalance, BigDecimal unappliedCredit,
                       int openInvoiceCount, LocalDate oldestUnpaidDueDate, long daysPastDue) {
}
