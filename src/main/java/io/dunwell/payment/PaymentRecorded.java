package io.dunwell.payment;

/** Published in the booking transaction; the dunning journey listens to settle cases. */
public record PaymentRecorded(Long accountId, Long paymentId) {
}
