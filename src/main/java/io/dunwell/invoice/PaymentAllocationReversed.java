package io.dunwell.invoice;

import java.math.BigDecimal;

/**
 * Part of a payment went back to unapplied credit because its invoice was voided. Published in
 * the invoice's transaction, so the payment module's listener commits or rolls back with it.
 */
public record PaymentAllocationReversed(Long paymentId, BigDecimal amount) {
}
