package io.dunwell.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Accounts;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.Invoices;
import io.dunwell.payment.Payments;
import io.dunwell.system.RowResult;

/**
 * Fills an empty database with demo customers through the services the integration API uses,
 * so demo data obeys every rule real data does. One transaction per customer: an account is
 * there with its whole history or not at all.
 */
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Accounts accounts;
    private final Invoices invoices;
    private final Payments payments;
    private final CreditNotes creditNotes;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoProperties properties;

    DemoData(Accounts accounts, Invoices invoices, Payments payments, CreditNotes creditNotes,
             PlatformTransactionManager transactionManager, Clock clock, DemoProperties properties) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
    }

    /** After the demo users exist; a database that already has accounts, demo or not, is left alone. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void seedIfEmpty() {
        if (accounts.count() > 0) {
            log.info("Demo data not created: the database already has accounts");
            return;
        }
        long started = System.nanoTime();
        List<DemoAccount> created = seed(properties.accounts());
        log.info("Created {} demo accounts with {} invoices, {} payments and {} credit notes in {} ms", created.size(),
                created.stream().mapToInt(a -> a.invoices().size()).sum(),
                created.stream().mapToInt(a -> a.payments().size()).sum(),
                created.stream().mapToInt(a -> a.creditNotes().size()).sum(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Creates those of the first {@code count} demo accounts that do not exist yet and returns them. */
    List<DemoAccount> seed(int count) {
        List<DemoAccount> portfolio = portfolio(count);
        Set<String> existing = accounts.findAll(portfolio.stream().map(DemoAccount::externalId).toList()).keySet();
        List<DemoAccount> missing = portfolio.stream().filter(account -> !existing.contains(account.externalId())).toList();
        missing.forEach(account -> transaction.executeWithoutResult(status -> book(account)));
        return missing;
    }

    /** The same seed gives the same customers in the same buckets; their dates follow the clock. */
    private List<DemoAccount> portfolio(int count) {
        SplittableRandom random = new SplittableRandom(properties.seed());
        List<AgeBand> buckets = AgeBand.spread(count, new Random(random.nextLong()));
        DemoCustomers customers = new DemoCustomers(random.split());
        Instant now = clock.instant();
        List<DemoAccount> portfolio = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            portfolio.add(new BillingHistory(i + 1, customers.next(), random.split(), now).in(buckets.get(i)));
        }
        return portfolio;
    }

    private void book(DemoAccount account) {
        accounts.upsert(account.externalId(), account.details());
        invoices.upsertAll(account.invoices()).stream().filter(RowResult::rejected).findFirst().ifPresent(rejected -> {
            throw new IllegalStateException("Demo invoice " + rejected.externalId() + " refused: " + rejected.errors());
        });
        account.payments().forEach(payments::record);
        account.creditNotes().forEach(creditNotes::record);
    }
}
