package io.dunwell.account;

/** Only possible while nothing is booked on the account (see {@link LedgerActivity}). */
public record AccountCurrencyChanged(Long accountId, String currency) {
}
