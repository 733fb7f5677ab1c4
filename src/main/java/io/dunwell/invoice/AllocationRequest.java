package io.dunwell.invoice;

import java.math.BigDecimal;

/** "Put this much of the money on that invoice", by the invoice's external id. */
public record AllocationRequest(String invoiceId, BigDecimal amount) {
}
