package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Receivables;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.SettingRejected;
import io.dunwell.system.BadRequestException;

@ConsoleWebMvcTest
class AccountPageControllerTests {

    static final RequestPostProcessor AGENT = user("alice").roles("AGENT");
    static final RequestPostProcessor SUPERVISOR = user("sarah").roles("SUPERVISOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Receivables receivables;
    @Autowired
    Agents agents;
    @Autowired
    ConsoleSettings settings;

    Account account;

    @BeforeEach
    void anAucklandCustomerOwingYen() {
        // the slice's clock stands at 2026-03-02 20:00 UTC, 2026-03-03 in Auckland
        account = SliceFixtures.account("ACC-1", "<script>alert('x')</script> Ltd", "Pacific/Auckland", "JPY");
        given(accounts.find("ACC-1")).willReturn(Optional.of(account));
        given(receivables.balancesOf(account)).willReturn(new Balances("JPY", new BigDecimal("250000"), new BigDecimal("250000"),
                BigDecimal.ZERO, 1, LocalDate.parse("2026-03-02"), 1));
        given(receivables.openInvoicesOf(7L)).willReturn(List.of(
                SliceFixtures.openInvoice("INV-X", "2026-0042", LocalDate.parse("2026-03-02"), "JPY", "250000")));
        given(agents.active()).willReturn(List.of(new Agent("bob", "Bob Agent", "bob@example.com", true, null)));
    }

    @Test
    void theAccountShowsItsNameAsTextAndYenWithoutDecimals() throws Exception {
        mvc.perform(get("/accounts/ACC-1").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ltd</h1>")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("250,000 <span class=\"muted\">JPY</span>")))
                .andExpect(content().string(not(containsString("250,000.00"))));
    }

    @Test
    void anInvoiceDueYesterdayInAucklandIsMarkedOverdueThoughItIsStillThatDayInUtc() throws Exception {
        mvc.perform(get("/accounts/ACC-1").with(AGENT))
                .andExpect(content().string(containsString("<td class=\"num overdue\">2026-03-02</td>")));
    }

    @Test
    void agentsSeeNeitherTheContactFormNorTheAssignment() throws Exception {
        mvc.perform(get("/accounts/ACC-1").with(AGENT))
                .andExpect(content().string(not(containsString("action=\"/accounts/ACC-1/contact\""))))
                .andExpect(content().string(not(containsString("action=\"/accounts/ACC-1/agent\""))));
        mvc.perform(get("/accounts/ACC-1").with(SUPERVISOR))
                .andExpect(content().string(containsString("action=\"/accounts/ACC-1/contact\"")))
                .andExpect(content().string(containsString("action=\"/accounts/ACC-1/agent\"")));
    }

    @Test
    void agentsCannotAssignAgentsOrEditContactDetails() throws Exception {
        mvc.perform(post("/accounts/ACC-1/agent").param("agent", "alice").with(AGENT).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/ACC-1/contact").param("name", "Taken over").with(AGENT).with(csrf()))
                .andExpect(status().isForbidden());

        verify(accounts, never()).assignAgent(anyLong(), any());
        verify(accounts, never()).upsert(anyString(), any());
    }

    @Test
    void aSupervisorAssignsAnActiveAgent() throws Exception {
        given(agents.find("bob")).willReturn(Optional.of(new Agent("bob", "Bob Agent", "bob@example.com", true, null)));

        mvc.perform(post("/accounts/ACC-1/agent").param("agent", "bob").with(SUPERVISOR).with(csrf()))
                .andExpect(redirectedUrl("/accounts/ACC-1"));

        verify(accounts).assignAgent(7L, "bob");
    }

    @Test
    void someoneWhoIsNoAgentIsNotAssigned() throws Exception {
        mvc.perform(post("/accounts/ACC-1/agent").param("agent", "mallory").with(SUPERVISOR).with(csrf()))
                .andExpect(status().isBadRequest());

        verify(accounts, never()).assignAgent(anyLong(), any());
    }

    @Test
    void refusedContactDetailsComeBackBesideTheirFieldsWithWhatWasTyped() throws Exception {
        given(accounts.upsert(eq("ACC-1"), any())).willThrow(new BadRequestException("email", "is not an email address"));

        mvc.perform(post("/accounts/ACC-1/contact").param("name", "Kiwi Ltd").param("email", "not-an-<email>")
                        .param("locale", "en-NZ").param("timeZone", "Pacific/Auckland").param("currency", "JPY")
                        .with(SUPERVISOR).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Nothing was saved")))
                .andExpect(content().string(containsString("Email is not an email address")))
                .andExpect(content().string(containsString("value=\"not-an-&lt;email&gt;\"")));
    }

    @Test
    void aNulCharacterInAFormFieldIsRefusedWithAPageThatNamesTheFieldAndNothingIsSaved() throws Exception {
        mvc.perform(post("/accounts/ACC-1/contact").param("name", "Kiwi\u0000 Ltd").param("email", "ap@kiwi.example")
                        .param("locale", "en-NZ").param("timeZone", "Pacific/Auckland").param("currency", "JPY")
                        .with(SUPERVISOR).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("name&#39; contains the control character U+0000")))
                .andExpect(content().string(containsString("Nothing was saved")));
        verify(accounts, never()).upsert(anyString(), any());
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/accounts/ACC-1/agent").param("agent", "bob").with(SUPERVISOR))
                .andExpect(status().isForbidden());

        verify(accounts, never()).assignAgent(anyLong(), any());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/accounts/ACC-1").accept("text/html"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        mvc.perform(get("/accounts/NOPE").with(AGENT)).andExpect(status().isNotFound());
    }

    @Test
    void theHeaderNamesTheAgentRatherThanTheirUserId() throws Exception {
        ReflectionTestUtils.setField(account, "assignedAgent", "bob");
        given(agents.nameOf("bob")).willReturn("Bob Agent");

        mvc.perform(get("/accounts/ACC-1").with(AGENT))
                .andExpect(content().string(containsString("Agent <strong title=\"bob\">Bob Agent</strong>")))
                .andExpect(content().string(containsString("Worked by <strong>Bob Agent</strong> (bob)")));
    }

    @Test
    void anAgentSetsAStatusTheSettingsOffer() throws Exception {
        given(settings.assignableStatuses()).willReturn(List.of("IN_COLLECTIONS", "LEGAL_REVIEW"));

        mvc.perform(get("/accounts/ACC-1").with(AGENT))
                .andExpect(content().string(containsString("<option value=\"LEGAL_REVIEW\">Legal review</option>")));
        mvc.perform(post("/accounts/ACC-1/status").param("status", "LEGAL_REVIEW").with(AGENT).with(csrf()))
                .andExpect(redirectedUrl("/accounts/ACC-1"));

        verify(settings).assignCollectionStatus(7L, "LEGAL_REVIEW");
    }

    @Test
    void aStatusTheSettingsRefuseIsABadRequest() throws Exception {
        willThrow(new SettingRejected("Choose one of IN_COLLECTIONS.")).given(settings).assignCollectionStatus(7L, "WRITTEN_OFF");

        mvc.perform(post("/accounts/ACC-1/status").param("status", "WRITTEN_OFF").with(AGENT).with(csrf()))
                .andExpect(status().isBadRequest());
    }
}
