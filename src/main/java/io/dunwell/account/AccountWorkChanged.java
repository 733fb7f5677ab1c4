package io.dunwell.account;

/**
 * An account's collection status or agent changed. Published inside the changing transaction, so
 * copies of the two (the receivables summary's, which the accounts list filters on) change with it.
 */
public record AccountWorkChanged(Long accountId, String collectionStatus, String assignedAgent) {
}
