package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record CreditNoteCommand(String externalId, String accountId, BigDecimal amount, String currency, Instant issuedAt,
                                String reason, List<AllocationRequest> allocations) {
}
