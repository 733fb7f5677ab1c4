package io.dunwell.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.dunwell.invoice.InvoiceCommand;
import io.swagger.v3.oas.annotations.media.Schema;

record InvoiceRequest(
        @Schema(description = "The account's external id", example = "ACC-1001") String accountId,
        @Schema(example = "INV-2027-0042") String number,
        @Schema(example = "2027-01-01") LocalDate issueDate,
        @Schema(example = "2027-01-31") LocalDate dueDate,
        @Schema(example = "EUR") String currency,
        @Schema(type = "string", example = "1190.00") BigDecimal amount,
        @Schema(type = "string", description = "Open balance; defaults to the amount on a new invoice", example = "1190.00") BigDecimal balance,
        @Schema(description = "OPEN, PAID or VOID; OPEN and PAID follow the balance", example = "OPEN") String status) {

    InvoiceCommand command(String externalId) {
        return new InvoiceCommand(externalId, accountId, number, issueDate, dueDate, currency, amount, balance, status);
    }
}
