package io.dunwell.notes;

/**
 * Where notes hang: an account's own thread ({@code invoiceId} null) or an invoice's, which also
 * belongs to the invoice's account. {@code label} names it for people: "account ACC-1", "invoice N-7".
 */
public record NoteThread(Long accountId, Long invoiceId, String label) {
}
