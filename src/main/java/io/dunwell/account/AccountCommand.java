package io.dunwell.account;

/** One account of a batch: the billing system's id and what it sends for it. */
public record AccountCommand(String externalId, AccountDetails details) {
}
