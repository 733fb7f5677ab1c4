package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.Invoices;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

@DunwellIntegrationTest
class AccountListTests {

    static final String AGENT = "shellagent";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired IdentityService identity;
    @Autowired Clock clock;
    @Autowired ConsoleSettings settings;

    String token;
    Account alpha;
    Account bravo;
    Account charlie;
    Account delta;

    @BeforeEach
    void givenAccounts() {
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        ConsoleAccounts given = new ConsoleAccounts(accounts, invoices, clock);
        token = ConsoleAccounts.token();
        alpha = given.owing(token + " Alpha", 40, "300.00");
        accounts.assignAgent(alpha.getId(), AGENT);
        bravo = given.owing(token + " Bravo", 10, "100.00");
        charlie = given.owing(token + " Charlie", -5, "900.00");
        delta = given.account(token + " Delta");
        accounts.changeCollectionStatus(delta.getId(), CollectionStatus.DISPUTED);
    }

    @Test
    void listsAccountsOverdueOrOutOfGoodStandingButNotThoseWithNothingDue() throws Exception {
        assertThat(names("q=" + token)).containsExactly("Alpha", "Bravo", "Delta");
    }

    @Test
    void theDefaultOrderIsMostDaysPastDueFirstWithAccountsWithoutDueInvoicesLast() throws Exception {
        assertThat(names("q=" + token + "&sort=days&dir=desc")).containsExactly("Alpha", "Bravo", "Delta");
        assertThat(names("q=" + token + "&sort=days&dir=asc")).containsExactly("Bravo", "Alpha", "Delta");
    }

    @Test
    void sortsByNameAndByBalance() throws Exception {
        assertThat(names("q=" + token + "&sort=name")).containsExactly("Alpha", "Bravo", "Delta");
        assertThat(names("q=" + token + "&sort=name&dir=desc")).containsExactly("Delta", "Bravo", "Alpha");
        assertThat(names("q=" + token + "&sort=balance&dir=desc")).containsExactly("Alpha", "Bravo", "Delta");
    }

    @Test
    void withoutParametersTheListFollowsTheInCollectionsConditionOfTheSettings() throws Exception {
        OverdueCondition before = settings.inCollections();
        settings.changeInCollections(new OverdueCondition(20, BigDecimal.ZERO), "sarah");
        try {
            assertThat(names("q=" + token)).containsExactly("Alpha", "Delta");
        } finally {
            settings.changeInCollections(before, "sarah");
        }
    }

    @Test
    void minimumDaysOverdueAndBalanceNarrowTheOverdueAccountsButKeepThoseInACollectionStatus() throws Exception {
        assertThat(names("q=" + token + "&minDays=20")).containsExactly("Alpha", "Delta");
        assertThat(names("q=" + token + "&minBalance=150")).containsExactly("Alpha", "Delta");
    }

    @Test
    void filtersMineUnassignedByAgentAndByStatus() throws Exception {
        assertThat(names(AGENT, "q=" + token + "&assigned=mine")).containsExactly("Alpha");
        assertThat(names("q=" + token + "&assigned=mine")).isEmpty();
        assertThat(names("q=" + token + "&assigned=unassigned")).containsExactly("Bravo", "Delta");
        assertThat(names("q=" + token + "&agent=" + AGENT)).containsExactly("Alpha");
        assertThat(names("q=" + token + "&status=DISPUTED")).containsExactly("Delta");
    }

    @Test
    void searchFindsAnAccountByItsIdAndTreatsWildcardsAsText() throws Exception {
        assertThat(names("q=" + bravo.getExternalId())).containsExactly("Bravo");
        assertThat(names("q=" + token + "%25")).isEmpty();
    }

    @Test
    void pagesFiftyAccountsAtATime() throws Exception {
        ConsoleAccounts given = new ConsoleAccounts(accounts, invoices, clock);
        String many = ConsoleAccounts.token();
        IntStream.rangeClosed(1, 53).forEach(i -> given.owing(many + " " + String.format("%03d", i), i, "10.00"));

        String first = page("q=" + many + "&sort=name");
        String second = page("q=" + many + "&sort=name&page=2");

        assertThat(rowNames(first, many)).hasSize(50).startsWith("001").endsWith("050");
        assertThat(first).contains("1–50 of 53 accounts").contains("page=2");
        assertThat(rowNames(second, many)).containsExactly("051", "052", "053");
        assertThat(second).contains("51–53 of 53 accounts");
    }

    /** Without a search, bucket or sort by name the list reads the summaries' copy of status and agent (V20). */
    @Test
    void theListWithoutASearchFollowsEveryChangeOfStatusAndAgent() throws Exception {
        String agent = "copy" + token.toLowerCase().replaceAll("[^a-z0-9]", "");
        TestUsers.ensure(identity, agent, Roles.AGENTS_GROUP);
        accounts.assignAgent(bravo.getId(), agent);
        accounts.assignAgent(delta.getId(), agent);

        assertThat(names(agent, "assigned=mine")).containsExactly("Bravo", "Delta");
        assertThat(names("agent=" + agent + "&status=DISPUTED")).containsExactly("Delta");

        accounts.changeCollectionStatus(delta.getId(), CollectionStatus.IN_COLLECTIONS);
        accounts.assignAgent(bravo.getId(), null);

        assertThat(names("agent=" + agent + "&status=DISPUTED")).isEmpty();
        assertThat(names("agent=" + agent + "&status=IN_COLLECTIONS")).containsExactly("Delta");
        assertThat(names(agent, "assigned=mine")).containsExactly("Delta");
    }

    @Test
    void pagesWithoutASearchKeepTheOrderAcrossPages() throws Exception {
        String agent = "pages" + token.toLowerCase().replaceAll("[^a-z0-9]", "");
        TestUsers.ensure(identity, agent, Roles.AGENTS_GROUP);
        ConsoleAccounts given = new ConsoleAccounts(accounts, invoices, clock);
        IntStream.rangeClosed(1, 53).forEach(i -> accounts.assignAgent(
                given.owing(token + " " + String.format("%03d", i), 30 + i, i + ".00").getId(), agent));

        String first = page("agent=" + agent + "&sort=balance&dir=asc");
        String third = page("agent=" + agent + "&sort=days&dir=desc&page=2");

        assertThat(rowNames(first, token)).hasSize(50).startsWith("001", "002").endsWith("050");
        assertThat(first).contains("1–50 of 53 accounts");
        // most days past due first: 083, 082, … so page 2 holds the three fewest
        assertThat(rowNames(third, token)).containsExactly("003", "002", "001");
    }

    @Test
    void rendersACheckboxPerAccountAndTheBasketButtonDisabledUntilBasketsExist() throws Exception {
        String html = page("q=" + token);
        assertThat(html).contains("value=\"" + alpha.getExternalId() + "\"").containsPattern("<button[^>]*disabled[^>]*>Add to basket");
    }

    @Test
    void anAccountNameIsEscaped() throws Exception {
        new ConsoleAccounts(accounts, invoices, clock).owing(token + " <script>alert(1)</script>", 3, "5.00");
        assertThat(page("q=" + token)).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private List<String> names(String query) throws Exception {
        return names("sarah", query);
    }

    private List<String> names(String user, String query) throws Exception {
        return rowNames(page(user, query), token);
    }

    private String page(String query) throws Exception {
        return page("sarah", query);
    }

    private String page(String user, String query) throws Exception {
        return mvc.perform(get("/accounts?" + query).with(user(user).roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The names of the listed accounts in their order, without the test's token. */
    private static List<String> rowNames(String html, String token) {
        return Pattern.compile("class=\"fw-semibold\" href=\"/accounts/[^\"]+\">" + token + " ([^<]+)</a>")
                .matcher(html).results().map(match -> match.group(1)).toList();
    }
}
