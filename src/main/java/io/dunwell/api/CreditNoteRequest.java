package io.dunwell.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.dunwell.invoice.CreditNoteCommand;
import io.swagger.v3.oas.annotations.media.Schema;

record CreditNoteRequest(
        @Schema(description = "The billing system's id of the credit note; the idempotency key", example = "CN-7") String externalId,
        @Schema(example = "ACC-1001") String accountId,
        @Schema(type = "string", example = "40.00") BigDecimal amount,
        @Schema(example = "EUR") String currency,
        @Schema(example = "2027-01-10T08:00:00Z") Instant issuedAt,
        @Schema(example = "goodwill") String reason,
        @Schema(description = "Where the credit goes; without it, oldest due invoices first") List<AllocationDto> allocations) {

    CreditNoteCommand command() {
        return new CreditNoteCommand(externalId, accountId, amount, currency, issuedAt, reason, PaymentRequest.toRequests(allocations));
    }
}
