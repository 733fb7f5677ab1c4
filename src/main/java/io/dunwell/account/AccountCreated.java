package io.dunwell.account;

/** Published inside the creating transaction, so listeners' writes commit or roll back with it. */
public record AccountCreated(Long accountId, String currency) {
}
