package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice as the billing system sends it. {@code balance} is optional: absent on a new invoice
 * it equals the amount; absent on an update the amount's change carries over to the balance.
 * {@code status} is optional: only VOID is taken from the sender, OPEN and PAID follow the balance;
 * without a status a void invoice stays void.
 */
public record InvoiceCommand(String externalId, String accountId, String number, LocalDate issueDate,
                             LocalDate dueDate, String currency, BigDecimal amount, BigDecimal balance,
                             String status) {
}
