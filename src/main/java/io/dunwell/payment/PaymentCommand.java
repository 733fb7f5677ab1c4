package io.dunwell.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.dunwell.invoice.AllocationRequest;

public record PaymentCommand(String externalId, String accountId, BigDecimal amount, String currency, Instant receivedAt,
                             String reference, List<AllocationRequest> allocations) {
}
