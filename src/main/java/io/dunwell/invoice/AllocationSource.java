package io.dunwell.invoice;

/** Where allocated money came from: exactly one of a payment or a credit note. */
public record AllocationSource(Long paymentId, Long creditNoteId) {

    public static AllocationSource payment(Long paymentId) {
        return new AllocationSource(paymentId, null);
    }

    public static AllocationSource creditNote(Long creditNoteId) {
        return new AllocationSource(null, creditNoteId);
    }
}
