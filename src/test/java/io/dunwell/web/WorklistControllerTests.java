package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Receivables;
import io.dunwell.reporting.AccountFilter;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.Recorded;
import io.dunwell.worklist.Basket;
import io.dunwell.worklist.BasketStatements;
import io.dunwell.worklist.BasketStatus;
import io.dunwell.worklist.Baskets;
import io.dunwell.worklist.SessionOutcome;

/** The worklists page, a basket's page and its forms; who may work a basket is checked against the real rule. */
@ConsoleWebMvcTest
class WorklistControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Baskets baskets;
    @Autowired
    BasketStatements statements;
    @Autowired
    AccountsInCollections accountList;
    @Autowired
    Accounts accounts;
    @Autowired
    Receivables receivables;
    @Autowired
    Agents agents;
    @Autowired
    ConsoleSettings settings;

    /** Alice's basket 5 of accounts 7 and 8, the first one worked in an earlier session. */
    Basket alices;

    @BeforeEach
    void alicesBasket() {
        given(settings.inCollections()).willReturn(new OverdueCondition(30, new BigDecimal("50")));
        given(settings.agingBuckets()).willReturn(AgingBuckets.DEFAULT);
        alices = BasketFixtures.worked(BasketFixtures.pending(5L, "<b>30+</b> days", "alice", 7L, 8L), 0,
                SessionOutcome.SKIPPED, "no <i>answer</i>", "call <script>again</script>");
        given(baskets.require(5L)).willReturn(alices);
        given(baskets.require(404L)).willThrow(new NotFoundException("No basket 404"));
        Account first = SliceFixtures.account("ACC-1", "<script>alert(1)</script> Foods", "America/New_York", "USD");
        Account second = SliceFixtures.account("ACC-2", "Euro GmbH", "Europe/Berlin", "EUR");
        ReflectionTestUtils.setField(second, "id", 8L);
        given(accounts.get(7L)).willReturn(first);
        given(accounts.get(8L)).willReturn(second);
        given(receivables.balancesOf(first)).willReturn(balances("USD", "1250.00"));
        given(receivables.balancesOf(second)).willReturn(balances("EUR", "99.90"));
    }

    @Test
    void theWorklistsPageShowsCandidatesAndBasketsAsTextAndOffersOnlyPastDueBuckets() throws Exception {
        given(accountList.find(any(), eq("alice"))).willReturn(new AccountsInCollections.Page(List.of(
                new AccountsInCollections.Row("ACC-1", "<script>alert(1)</script> Foods", "IN_COLLECTIONS", null, "USD",
                        new BigDecimal("1250.00"), LocalDate.parse("2026-01-15"), 46)), 1, 1, AccountFilter.PAGE_SIZE));
        given(agents.active()).willReturn(List.of(new Agent("bob", "Bob <Builder>", "bob@dunwell.example", true, null)));
        given(baskets.visibleTo("alice", false, BasketStatus.PENDING)).willReturn(List.of(alices));

        mvc.perform(get("/worklists").param("bucket", "31–60").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Foods")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("<option value=\"bob\">Bob &lt;Builder&gt;</option>")))
                .andExpect(content().string(containsString("&lt;b&gt;30+&lt;/b&gt; days</a>")))
                .andExpect(content().string(containsString("<option value=\"31–60\" selected>31–60</option>")))
                .andExpect(content().string(containsString("<option value=\"90+\">")))
                .andExpect(content().string(not(containsString("<option value=\"Current\""))))
                // the chosen bucket names the basket unless the agent types another name
                .andExpect(content().string(containsString("name=\"name\" value=\"31–60\"")));
    }

    @Test
    void supervisorsSeeEveryonesBasketsAgentsTheirOwn() throws Exception {
        given(accountList.find(any(), any())).willReturn(new AccountsInCollections.Page(List.of(), 0, 1, AccountFilter.PAGE_SIZE));

        mvc.perform(get("/worklists").with(user("sarah").roles("SUPERVISOR"))).andExpect(status().isOk());
        mvc.perform(get("/worklists").with(user("alice").roles("AGENT"))).andExpect(status().isOk());

        verify(baskets).visibleTo("sarah", true, BasketStatus.IN_SESSION);
        verify(baskets).visibleTo("alice", false, BasketStatus.IN_SESSION);
    }

    @Test
    void aBucketTheSettingsDoNotHaveIsA400PageAndNoListIsRead() throws Exception {
        mvc.perform(get("/worklists").param("bucket", "<b>120+</b>").with(user("alice").roles("AGENT")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no aging bucket &quot;&lt;b&gt;120+&lt;/b&gt;&quot;")));

        verifyNoInteractions(accountList);
    }

    @Test
    void aNewBasketIsMadeForTheSignedInUserAndItsPageOpens() throws Exception {
        given(baskets.create("30+ days", List.of("ACC-1", "ACC-2"), "alice")).willReturn(new Recorded<>(alices, false));

        mvc.perform(post("/worklists/baskets").param("name", "30+ days").param("accountIds", "ACC-1", "ACC-2")
                        .with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/worklists/baskets/5"))
                .andExpect(flash().attribute("notice", "Basket \"<b>30+</b> days\" with 2 accounts is pending."));
    }

    @Test
    void aRefusedBasketSendsBackToTheWorklistsWithTheReason() throws Exception {
        given(baskets.create(any(), any(), eq("alice"))).willThrow(new BadRequestException("accountIds", "Pick at least one account"));

        mvc.perform(post("/worklists/baskets").param("name", "empty").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/worklists"))
                .andExpect(flash().attribute("error", containsString("No basket made: ")))
                .andExpect(flash().attribute("error", containsString("Pick at least one account")));
    }

    @Test
    void aBasketWithoutCsrfTokenIsNotMade() throws Exception {
        mvc.perform(post("/worklists/baskets").param("name", "x").param("accountIds", "ACC-1").with(user("alice").roles("AGENT")))
                .andExpect(status().isForbidden());

        verify(baskets, never()).create(any(), anyList(), anyString());
    }

    @Test
    void theBasketPageListsItsAccountsAndOutcomesAsText() throws Exception {
        mvc.perform(get("/worklists/baskets/5").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>&lt;b&gt;30+&lt;/b&gt; days</h1>")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Foods</a>")))
                .andExpect(content().string(containsString("1,250.00 <span class=\"muted\">USD</span>")))
                .andExpect(content().string(containsString("no &lt;i&gt;answer&lt;/i&gt;")))
                .andExpect(content().string(containsString("call &lt;script&gt;again&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(containsString("id=\"start-session\"")))
                .andExpect(content().string(containsString("name=\"requestId\" value=\"")));
    }

    @Test
    void onlyTheOwnerOrASupervisorSeesABasket() throws Exception {
        mvc.perform(get("/worklists/baskets/5").with(user("bob").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/worklists/baskets/5").with(user("sarah").roles("SUPERVISOR"))).andExpect(status().isOk());
    }

    @Test
    void anUnknownBasketIsNotFound() throws Exception {
        mvc.perform(get("/worklists/baskets/404").with(user("alice").roles("AGENT"))).andExpect(status().isNotFound());
        mvc.perform(post("/worklists/baskets/404/session").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void startingASessionOpensItsPage() throws Exception {
        given(baskets.startSession(5L, "alice", false)).willReturn(BasketFixtures.inSession(
                BasketFixtures.pending(5L, "30+ days", "alice", 7L), "pi 1/2"));

        mvc.perform(post("/worklists/baskets/5/session").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/worklists/sessions/pi%201%2F2"));
    }

    @Test
    void aBasketAlreadyInSessionOpensThatSessionInsteadOfAnother() throws Exception {
        BasketFixtures.inSession(alices, "pi-1");

        mvc.perform(post("/worklists/baskets/5/session").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/worklists/sessions/pi-1"));

        verify(baskets, never()).startSession(any(), any(), anyBoolean());
    }

    @Test
    void aRefusedStartStaysOnTheBasketWithTheReason() throws Exception {
        given(baskets.startSession(5L, "alice", false)).willThrow(new ConflictException("Basket 5 is DONE, not pending"));

        mvc.perform(post("/worklists/baskets/5/session").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/worklists/baskets/5"))
                .andExpect(flash().attribute("error", "Basket 5 is DONE, not pending"));
    }

    @Test
    void anotherAgentStartsNoSessionOnAlicesBasket() throws Exception {
        mvc.perform(post("/worklists/baskets/5/session").with(user("bob").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());

        verify(baskets, never()).startSession(any(), any(), anyBoolean());
    }

    @Test
    void emailingStatementsReportsWhatWasSentAndWhatWasNot() throws Exception {
        given(statements.email(5L, "req-1", "alice", false)).willReturn(new BasketStatements.Mailed(3, 2, 1));

        mvc.perform(post("/worklists/baskets/5/statements").param("requestId", "req-1").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/worklists/baskets/5"))
                .andExpect(flash().attribute("notice",
                        "Statements: 2 of 3 sent; 1 not sent (no email address, or the mail server refused)."));
    }

    @Test
    void refusedStatementsSayWhy() throws Exception {
        given(statements.email(eq(5L), any(), eq("alice"), eq(false))).willThrow(new BadRequestException("requestId", "is required"));

        mvc.perform(post("/worklists/baskets/5/statements").with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/worklists/baskets/5"))
                .andExpect(flash().attribute("error", containsString("No statements sent: ")));
    }

    @Test
    void statementsOfABasketTheServiceRefusesTheUserAreForbidden() throws Exception {
        given(statements.email(eq(5L), any(), eq("bob"), eq(false))).willThrow(new AccessDeniedException("bob may not work basket 5"));

        mvc.perform(post("/worklists/baskets/5/statements").param("requestId", "r").with(user("bob").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void integrationsAndAnonymousVisitorsHaveNoWorklists() throws Exception {
        mvc.perform(get("/worklists").with(user("billing").roles("INTEGRATION"))).andExpect(status().isForbidden());
        mvc.perform(get("/worklists/baskets/5").accept("text/html")).andExpect(redirectedUrlPattern("**/login"));

        verifyNoInteractions(accountList);
    }

    private static Balances balances(String currency, String open) {
        return new Balances(currency, new BigDecimal(open), new BigDecimal(open), BigDecimal.ZERO, 1, LocalDate.parse("2026-01-15"), 46);
    }
}
