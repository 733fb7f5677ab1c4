package io.dunwell.invoice;

/** Published in the booking transaction; the dunning journey listens to settle cases. */
public record CreditNoteRecorded(Long accountId, Long creditNoteId) {
}
