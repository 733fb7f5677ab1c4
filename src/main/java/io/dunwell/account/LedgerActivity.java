package io.dunwell.account;

/**
 * Tells whether money has been booked on an account. Implemented by the invoice module, so
 * this module can refuse a currency change that would make the books inconsistent without
 * depending on it.
 */
public interface LedgerActivity {

    boolean hasBookings(Long accountId);
}
