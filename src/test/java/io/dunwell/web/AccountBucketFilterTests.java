package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.regex.Pattern;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/** The accounts list filtered by the aging bucket of the oldest unpaid invoice, counted in the account's own time zone. */
@DunwellIntegrationTest
class AccountBucketFilterTests {

    static final String AGENT = "bucketagent";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired IdentityService identity;
    @Autowired ConsoleSettings settings;
    @Autowired Clock clock;

    String token;

    @BeforeEach
    void givenAnAgent() {
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        token = ConsoleAccounts.token();
    }

    @Test
    void keepsTheAccountsWhoseOldestUnpaidInvoiceIsInTheBucket() throws Exception {
        owing("Ten", "UTC", 10);
        owing("FortyFive", "UTC", 45, 5);
        owing("Hundred", "UTC", 100);
        inCollections("Nothing owed", "UTC");

        assertThat(names("q=" + token + "&bucket=" + bucketOf(45))).containsExactly("FortyFive");
        assertThat(names("q=" + token + "&bucket=" + bucketOf(10))).containsExactly("Ten");
        assertThat(names("q=" + token + "&bucket=" + bucketOf(100))).containsExactly("Hundred");
        assertThat(names("q=" + token + "&bucket=" + bucketOf(0))).containsExactly("Nothing owed");
        assertThat(names("q=" + token)).hasSize(4);
    }

    @Test
    void countsDaysPastDueInTheAccountsTimeZone() throws Exception {
        // Kiritimati (UTC+14) is always one or two dates ahead of Pago Pago (UTC-11): due the same day,
        // the invoice is 31 days past due in Kiritimati and 29 or 30 in Pago Pago
        LocalDate due = LocalDate.now(clock.withZone(ZoneId.of("Pacific/Kiritimati"))).minusDays(31);
        owingOn("Kiritimati", "Pacific/Kiritimati", due);
        owingOn("Pago Pago", "Pacific/Pago_Pago", due);

        assertThat(names("q=" + token + "&bucket=" + bucketOf(31))).containsExactly("Kiritimati");
        assertThat(names("q=" + token + "&bucket=" + bucketOf(30))).containsExactly("Pago Pago");
    }

    @Test
    void combinesWithTheOtherFiltersSortAndPaging() throws Exception {
        Account mine = owing("Mine", "UTC", 40);
        accounts.assignAgent(mine.getId(), AGENT);
        owing("Other", "UTC", 50);
        owing("Younger", "UTC", 5);
        String bucket = bucketOf(40);

        assertThat(names(AGENT, "q=" + token + "&assigned=mine&bucket=" + bucket)).containsExactly("Mine");
        assertThat(names("q=" + token + "&assigned=unassigned&bucket=" + bucket)).containsExactly("Other");
        assertThat(names("q=" + token + "&bucket=" + bucket + "&sort=name&dir=desc")).containsExactly("Other", "Mine");
        assertThat(names("q=" + token + "&status=IN_COLLECTIONS&bucket=" + bucket + "&sort=days")).containsExactly("Other", "Mine");
        assertThat(page("sarah", "q=" + token + "&bucket=" + bucket + "&page=2")).contains("No accounts match");
    }

    @Test
    void theBucketStaysInTheListsLinksAndIsSelectedInTheFilterBar() throws Exception {
        owing("Linked", "UTC", 40);
        String bucket = bucketOf(40);

        String html = page("sarah", "q=" + token + "&bucket=" + bucket);

        assertThat(html).containsPattern("href=\"/accounts\\?[^\"]*bucket=" + Pattern.quote(bucket) + "[^\"]*sort=name")
                .contains("<option value=\"" + settings.agingBuckets().list().stream().filter(b -> b.contains(40)).findFirst().orElseThrow().name()
                        + "\" selected>");
    }

    @Test
    void anUnknownBucketIsRefusedWithTheBucketsThereAre() throws Exception {
        String first = settings.agingBuckets().list().get(0).name();
        String message = mvc.perform(get("/accounts?bucket=Someday").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(message).contains("Someday").contains(first);
    }

    @Test
    void theDashboardsAgingColumnsLinkToTheFilteredList() throws Exception {
        String html = mvc.perform(get("/").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (AgingBucket bucket : settings.agingBuckets().list()) {
            assertThat(html).contains("href=\"/accounts?bucket=" + encoded(bucket.name()) + "\"");
        }
    }

    private String bucketOf(long days) {
        return encoded(settings.agingBuckets().list().stream().filter(bucket -> bucket.contains(days)).findFirst().orElseThrow().name());
    }

    private Account owing(String name, String zone, int... daysAgo) {
        Account account = inCollections(name, zone);
        for (int days : daysAgo) {
            invoice(account, account.today(clock).minusDays(days));
        }
        return account;
    }

    private void owingOn(String name, String zone, LocalDate due) {
        invoice(inCollections(name, zone), due);
    }

    private Account inCollections(String name, String zone) {
        Account account = accounts.upsert("BKT-" + UUID.randomUUID(), new AccountDetails(token + " " + name, null, null, "en",
                zone, "EUR", null)).account();
        accounts.changeCollectionStatus(account.getId(), CollectionStatus.IN_COLLECTIONS);
        return account;
    }

    private void invoice(Account account, LocalDate due) {
        invoices.upsert(new InvoiceCommand("BKT-INV-" + UUID.randomUUID(), account.getExternalId(), "N-" + UUID.randomUUID(),
                due.minusDays(30), due, "EUR", new BigDecimal("250.00"), null, null));
    }

    private List<String> names(String query) throws Exception {
        return names("sarah", query);
    }

    private List<String> names(String user, String query) throws Exception {
        return Pattern.compile("class=\"fw-semibold\" href=\"/accounts/[^\"]+\">" + token + " ([^<]+)</a>")
                .matcher(page(user, query)).results().map(match -> match.group(1)).toList();
    }

    private String page(String user, String query) throws Exception {
        // as a URI, so the percent-encoded bucket names are sent as they are
        return mvc.perform(get(URI.create("/accounts?" + query)).with(user(user).roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
