package io.dunwell.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;

/** Accounts for the console's tests, made through the real services; every name carries the test's own token. */
class ConsoleAccounts {

    private final Accounts accounts;
    private final Invoices invoices;
    private final Clock clock;

    ConsoleAccounts(Accounts accounts, Invoices invoices, Clock clock) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** A word no other test's account has in its name, to search the shared database by. */
    static String token() {
        return "tk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    Account account(String name) {
        return accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name, "ap@customer.example", "+1 555 0100", "en-US",
                "UTC", "EUR", "SMB")).account();
    }

    /** An account with one invoice of {@code balance} due {@code daysAgo} days ago (negative: not due yet). */
    Account owing(String name, int daysAgo, String balance) {
        Account account = account(name);
        invoice(account, "INV-" + UUID.randomUUID().toString().substring(0, 8), daysAgo, balance);
        return account;
    }

    void invoice(Account account, String number, int daysAgo, String balance) {
        var due = account.today(clock).minusDays(daysAgo);
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), number, due.minusDays(30), due,
                account.getCurrency(), new BigDecimal(balance), null, null));
    }
}
