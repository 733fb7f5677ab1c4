package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.reporting.AgentLoad;
import io.dunwell.reporting.AssignedAccount;
import io.dunwell.reporting.Portfolio;
import io.dunwell.reporting.Standing;
import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;

@ConsoleWebMvcTest
class AgentsControllerTests {

    private static final OverdueCondition IN_COLLECTIONS = new OverdueCondition(0, BigDecimal.ZERO);

    static final RequestPostProcessor AGENT = user("alice").roles("AGENT");
    static final RequestPostProcessor SUPERVISOR = user("sarah").roles("SUPERVISOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Portfolio portfolio;
    @Autowired
    ConsoleSettings settings;

    @BeforeEach
    void bobWorksYenAndEuroAccounts() {
        Agent bob = new Agent("bob", "<b>Bob</b> Agent", "bob@dunwell.example", true, null);
        given(agents.list()).willReturn(List.of(bob));
        given(agents.find("bob")).willReturn(Optional.of(bob));
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        balances.put("JPY", new BigDecimal("250000"));
        balances.put("EUR", new BigDecimal("1234.50"));
        given(portfolio.agents()).willReturn(List.of(new AgentLoad("bob", 2, balances, Map.of("IN_COLLECTIONS", 2L))));
        given(settings.inCollections()).willReturn(IN_COLLECTIONS);
        given(portfolio.standing(IN_COLLECTIONS, "bob")).willReturn(new Standing(Map.of("IN_COLLECTIONS", 2L), 2));
        given(portfolio.assignedTo("bob", 500)).willReturn(List.of(
                new AssignedAccount("ACC-JP", "Kiwi KK", "IN_COLLECTIONS", "JPY", new BigDecimal("250000"), 61L)));
        given(settings.agingBuckets()).willReturn(new AgingBuckets(List.of(new AgingBucket("Current", 0, 0), new AgingBucket("1+", 1, null))));
    }

    @Test
    void theAgentsListShowsNamesAsTextAndEachCurrencyWithItsDecimals() throws Exception {
        mvc.perform(get("/agents").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;Bob&lt;/b&gt; Agent")))
                .andExpect(content().string(containsString("250,000 <span class=\"text-body-secondary\">JPY</span>")))
                .andExpect(content().string(containsString("1,234.50 <span class=\"text-body-secondary\">EUR</span>")))
                .andExpect(content().string(not(containsString("action=\"/agents/bob/active\""))));
    }

    @Test
    void supervisorsGetTheControlsAgentsDoNot() throws Exception {
        mvc.perform(get("/agents/bob").with(SUPERVISOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/agents/bob/active\"")))
                .andExpect(content().string(containsString("action=\"/agents/bob/escalation-point\"")));
        mvc.perform(get("/agents/bob").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kiwi KK")))
                .andExpect(content().string(not(containsString("action=\"/agents/bob/active\""))));
    }

    @Test
    void agentsCannotDeactivateAgentsNorSetEscalationPoints() throws Exception {
        mvc.perform(post("/agents/bob/active").param("active", "false").with(AGENT).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agents/bob/escalation-point").param("supervisor", "alice").with(AGENT).with(csrf()))
                .andExpect(status().isForbidden());

        verify(agents, never()).setActive(anyString(), anyBoolean());
        verify(agents, never()).setEscalationPoint(anyString(), any());
    }

    @Test
    void aSupervisorDeactivatesAnAgent() throws Exception {
        mvc.perform(post("/agents/bob/active").param("active", "false").with(SUPERVISOR).with(csrf()))
                .andExpect(redirectedUrl("/agents/bob"));

        verify(agents).setActive("bob", false);
    }

    @Test
    void anEmptyEscalationPointFallsBackToTheSupervisorsGroup() throws Exception {
        mvc.perform(post("/agents/bob/escalation-point").param("supervisor", " ").with(SUPERVISOR).with(csrf()))
                .andExpect(redirectedUrl("/agents/bob"));

        verify(agents).setEscalationPoint("bob", null);
    }

    @Test
    void noOneIsChangedWithoutCsrfTokenOrForAnUnknownAgent() throws Exception {
        mvc.perform(post("/agents/bob/active").param("active", "false").with(SUPERVISOR))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agents/nobody/active").param("active", "false").with(SUPERVISOR).with(csrf()))
                .andExpect(status().isNotFound());

        verify(agents, never()).setActive(anyString(), anyBoolean());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/agents").accept("text/html")).andExpect(redirectedUrlPattern("**/login"));
    }
}
