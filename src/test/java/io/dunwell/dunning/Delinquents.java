package io.dunwell.dunning;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;

/** Accounts and invoices made through the real services; the flags no service sets yet are written directly. */
class Delinquents {

    private final Accounts accounts;
    private final Invoices invoices;
    private final Payments payments;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Delinquents(Accounts accounts, Invoices invoices, Payments payments, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.payments = payments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Account account(String timeZone) {
        return accounts.upsert("ACC-" + UUID.randomUUID(),
                new AccountDetails("Late Payer", "ap-" + UUID.randomUUID() + "@customer.example", null, "en-US", timeZone, "EUR", null))
                .account();
    }

    /** An account with one invoice of 100.00, {@code balance} open, due {@code daysAgo} days before its today. */
    Account overdue(int daysAgo, String balance) {
        Account account = account("Europe/Berlin");
        invoice(account, account.today(clock).minusDays(daysAgo), balance);
        return account;
    }

    void invoice(Account account, LocalDate due, String balance) {
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), "INV-1", due.minusDays(14), due,
                account.getCurrency(), new BigDecimal("100.00"), new BigDecimal(balance), null));
    }

    void pay(Account account, String amount) {
        payments.record(new PaymentCommand("PAY-" + UUID.randomUUID(), account.getExternalId(), new BigDecimal(amount),
                account.getCurrency(), clock.instant(), null, null));
    }

    void exempt(Account account) {
        jdbc.update("update account set dunning_exempt = true where id = ?", account.getId());
    }

    void freeze(Account account) {
        jdbc.update("update account set frozen = true, frozen_reason = 'test' where id = ?", account.getId());
    }

    void pauseUntil(Account account, LocalDate until) {
        jdbc.update("update account set dunning_paused_until = ? where id = ?", Date.valueOf(until), account.getId());
    }

    Instant now() {
        return clock.instant();
    }
}
