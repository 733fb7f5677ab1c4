package io.dunwell.notification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;

/** Accounts and invoices made through the real services, and notices queued the way a process step queues them. */
public class Customers {

    private final Accounts accounts;
    private final Invoices invoices;
    private final Notifications notifications;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public Customers(Accounts accounts, Invoices invoices, Notifications notifications, Clock clock,
                     PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.notifications = notifications;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Account account(String name, String locale, String timeZone, String currency) {
        return accounts.upsert("ACC-" + UUID.randomUUID(),
                new AccountDetails(name, "ap-" + UUID.randomUUID() + "@customer.example", null, locale, timeZone, currency, null))
                .account();
    }

    /** An invoice due {@code daysAgo} days before today, with {@code balance} still open (zero = paid). */
    public String invoice(Account account, String amount, String balance, int daysAgo) {
        String number = "INV-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate due = account.today(clock).minusDays(daysAgo);
        invoices.upsert(new InvoiceCommand("EXT-" + UUID.randomUUID(), account.getExternalId(), number, due.minusDays(14), due,
                account.getCurrency(), new BigDecimal(amount), new BigDecimal(balance), null));
        return number;
    }

    public OutboxMessage enqueue(Account account, String template) {
        return enqueue(account, template, "case-" + UUID.randomUUID() + ":" + template);
    }

    public OutboxMessage enqueue(Account account, String template, String key) {
        return transaction.execute(status -> notifications.enqueue(account.getId(), template, key));
    }

    public OutboxMessage enqueue(Account account, String template, Map<String, ?> facts, boolean attachStatement) {
        String key = "case-" + UUID.randomUUID() + ":" + template;
        return transaction.execute(status -> notifications.enqueue(account.getId(), template, key, facts, attachStatement));
    }
}
