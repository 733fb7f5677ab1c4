package io.dunwell.account;

/** What the billing system owns of an account; validated by {@link Accounts}. */
public record AccountDetails(String name, String email, String phone, String locale, String timeZone,
                             String currency, String segment) {
}
