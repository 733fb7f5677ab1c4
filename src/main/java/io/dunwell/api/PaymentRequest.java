package io.dunwell.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.dunwell.invoice.AllocationRequest;
import io.dunwell.payment.PaymentCommand;
import io.swagger.v3.oas.annotations.media.Schema;

record PaymentRequest(
        @Schema(description = "The billing system's id of the payment; the idempotency key", example = "PAY-88") String externalId,
        @Schema(example = "ACC-1001") String accountId,
        @Schema(type = "string", example = "250.00") BigDecimal amount,
        @Schema(example = "EUR") String currency,
        @Schema(example = "2027-01-10T08:00:00Z") Instant receivedAt,
        @Schema(example = "bank transfer 4711") String reference,
        @Schema(description = "Where the money goes; without it, oldest due invoices first") List<AllocationDto> allocations) {

    PaymentCommand command() {
        return new PaymentCommand(externalId, accountId, amount, currency, receivedAt, reference, toRequests(allocations));
    }

    static List<AllocationRequest> toRequests(List<AllocationDto> allocations) {
        return allocations == null ? List.of()
                : allocations.stream().map(a -> new AllocationRequest(a.invoiceId(), a.amount())).toList();
    }
}
