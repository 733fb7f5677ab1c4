package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.agent.Agents;
import io.dunwell.agent.EscalationPoints;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

@DunwellIntegrationTest
class AgentsPageTests {

    private static final String LISTED = "agentslisted";
    private static final String KEPT = "agentskept";
    private static final String LEAVING = "agentsleaving";
    private static final String BOSS = "agentsboss";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    Agents agents;
    @Autowired
    EscalationPoints escalationPoints;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, LISTED, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, KEPT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, LEAVING, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, BOSS, Roles.SUPERVISORS_GROUP);
    }

    @Test
    void agentsPageListsTheAgentsGroup() throws Exception {
        mvc.perform(get("/agents").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/agents/" + LISTED)))
                .andExpect(content().string(not(containsString("/agents/" + LISTED + "/active"))));
    }

    @Test
    void agentMayNotDeactivateAnAgent() throws Exception {
        mvc.perform(post("/agents/" + KEPT + "/active").param("active", "false").with(csrf()).with(user("alice").roles("AGENT")))
                .andExpect(status().isForbidden());

        assertThat(agents.isActive(KEPT)).isTrue();
    }

    @Test
    void supervisorDeactivatesAnAgentWhoThenCannotBeAssigned() throws Exception {
        mvc.perform(post("/agents/" + LEAVING + "/active").param("active", "false").with(csrf()).with(user("sarah").roles("SUPERVISOR")))
                .andExpect(redirectedUrl("/agents/" + LEAVING));

        assertThat(agents.isActive(LEAVING)).isFalse();
        assertThatThrownBy(() -> agents.requireActive(LEAVING)).isInstanceOf(BadRequestException.class);
        mvc.perform(get("/agents/" + LEAVING).with(user("sarah").roles("SUPERVISOR")))
                .andExpect(content().string(containsString("Deactivated")));

        mvc.perform(post("/agents/" + LEAVING + "/active").param("active", "true").with(csrf()).with(user("admin").roles("ADMIN")))
                .andExpect(status().is3xxRedirection());
        assertThat(agents.isActive(LEAVING)).isTrue();
    }

    @Test
    void supervisorSetsAnEscalationPointThatMustBeASupervisor() throws Exception {
        mvc.perform(post("/agents/" + LISTED + "/escalation-point").param("supervisor", BOSS).with(csrf()).with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().is3xxRedirection());
        assertThat(escalationPoints.of(LISTED)).contains(BOSS);

        mvc.perform(post("/agents/" + LISTED + "/escalation-point").param("supervisor", KEPT).with(csrf()).with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isBadRequest());
        assertThat(escalationPoints.of(LISTED)).contains(BOSS);
    }

    @Test
    void unknownAgentIsNotFound() throws Exception {
        mvc.perform(get("/agents/nobody-here").with(user("sarah").roles("SUPERVISOR"))).andExpect(status().isNotFound());
    }
}
