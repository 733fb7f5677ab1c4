package io.dunwell.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import io.dunwell.notification.MailCatcher;
import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.agent.EscalationPoints;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Invoices;
import io.dunwell.invoice.Receivables;
import io.dunwell.payment.Payments;

/**
 * The demo's users and data on the shared test context, where the demo itself is off: the test
 * builds the demo's beans from the real services and seeds a small portfolio.
 */
@DunwellIntegrationTest
class DemoDataTests {

    private static final int ACCOUNTS = 60;
    private static final DemoProperties PROPERTIES = new DemoProperties(true, ACCOUNTS, "demo", 20240601L,
            new DemoProperties.MailCatcher(false));

    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired CreditNotes creditNotes;
    @Autowired Receivables receivables;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired Clock clock;
    @Autowired IdentityService identity;
    @Autowired EscalationPoints escalationPoints;

    DemoData demoData;

    @BeforeEach
    void seed() {
        demoData = new DemoData(accounts, invoices, payments, creditNotes, transactionManager, clock, PROPERTIES);
        demoData.seed(ACCOUNTS);
    }

    @Test
    void mostAccountsAreCurrentOrPaidAndFewerTheFurtherPastDue() {
        Map<String, Long> perBucket = demoAccounts().stream().map(receivables::balancesOf)
                .collect(Collectors.groupingBy(DemoDataTests::bucket, Collectors.counting()));

        assertThat(perBucket).containsOnlyKeys("paid", "current", "1-7", "8-20", "21-30", "31-60", "61-90", "90+");
        assertThat(perBucket.get("paid") + perBucket.get("current")).isGreaterThan(ACCOUNTS / 2L);
        assertThat(List.of("1-7", "8-20", "21-30", "31-60", "61-90", "90+")).map(perBucket::get)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void customersHaveTheLocaleTimeZoneAndCurrencyOfOneCountry() {
        Map<String, Set<String>> zonesByCurrency = demoAccounts().stream().collect(Collectors.groupingBy(
                a -> a.getLocale() + " " + a.getCurrency(), Collectors.mapping(Account::getTimeZone, Collectors.toSet())));

        assertThat(zonesByCurrency).containsOnlyKeys("en-US USD", "en-GB GBP", "de-DE EUR");
        assertThat(zonesByCurrency.get("en-GB GBP")).containsExactly("Europe/London");
        assertThat(zonesByCurrency.get("de-DE EUR")).containsExactly("Europe/Berlin");
        assertThat(zonesByCurrency.get("en-US USD")).allMatch(zone -> zone.startsWith("America/"));
        assertThat(demoAccounts()).extracting(Account::getSegment).contains("smb", "mid-market", "enterprise");
        assertThat(demoAccounts()).allSatisfy(a -> assertThat(a.getEmail()).matches(".+@example\\.(com|co\\.uk|de)"));
        assertThat(demoAccounts()).extracting(Account::getName).doesNotHaveDuplicates();
    }

    @Test
    void someCustomersPaidPartOfAnInvoiceAndSomeGotACreditNote() {
        List<Invoice> all = demoAccounts().stream().flatMap(a -> receivables.invoicesOf(a.getId()).stream()).toList();

        assertThat(all).hasSizeGreaterThan(2 * ACCOUNTS);
        assertThat(all).allSatisfy(invoice -> assertThat(invoice.getAmount().scale()).isEqualTo(2));
        assertThat(all).filteredOn(Invoice::isOpen)
                .anySatisfy(invoice -> assertThat(invoice.getBalance()).isPositive().isLessThan(invoice.getAmount()));
        assertThat(all).extracting(Invoice::getStatus).contains(Invoice.PAID, Invoice.OPEN);
        assertThat(demoAccounts()).anySatisfy(a -> assertThat(creditNotes.of(a.getId())).isNotEmpty());
    }

    @Test
    void seedingAgainCreatesNothing() {
        Map<String, String> before = ledgers();

        assertThat(demoData.seed(ACCOUNTS)).isEmpty();
        assertThat(ledgers()).isEqualTo(before);
    }

    @Test
    void demoUsersSignInWithTheDemoPasswordInTheirRoleGroups() {
        DemoUsers users = new DemoUsers(identity, escalationPoints, PROPERTIES);
        users.ensureUsers();
        users.ensureUsers();

        assertThat(membersOf("agents")).contains("alice", "bob").doesNotContain("sarah", "billing");
        assertThat(membersOf("supervisors")).contains("sarah").doesNotContain("alice", "bob");
        assertThat(membersOf("integrations")).contains("billing");
        assertThat(List.of("alice", "bob", "sarah", "billing")).allMatch(user -> identity.checkPassword(user, "demo"));
        assertThat(identity.createUserQuery().userId("alice").singleResult().getFirstName()).isEqualTo("Alice");
        assertThat(escalationPoints.of("alice")).contains("sarah");
        assertThat(escalationPoints.of("bob")).contains("sarah");
        assertThat(escalationPoints.of("sarah")).isEmpty();
    }

    private List<Account> demoAccounts() {
        List<String> ids = IntStream.rangeClosed(1, ACCOUNTS).mapToObj("DEMO-%04d"::formatted).toList();
        return List.copyOf(accounts.findAll(ids).values());
    }

    /** Per account: invoices with balances, payments and credit notes, as one comparable line. */
    private Map<String, String> ledgers() {
        return demoAccounts().stream().collect(Collectors.toMap(Account::getExternalId, a ->
                receivables.invoicesOf(a.getId()).stream().map(i -> i.getExternalId() + "=" + i.getBalance()).toList()
                        + " payments=" + payments.of(a.getId()).size() + " credits=" + creditNotes.of(a.getId()).size()));
    }

    private List<String> membersOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
    }

    private static String bucket(Balances balances) {
        long days = balances.daysPastDue();
        if (balances.openInvoiceCount() == 0) {
            return "paid";
        }
        return days == 0 ? "current" : days <= 7 ? "1-7" : days <= 20 ? "8-20" : days <= 30 ? "21-30"
                : days <= 60 ? "31-60" : days <= 90 ? "61-90" : "90+";
    }
}
