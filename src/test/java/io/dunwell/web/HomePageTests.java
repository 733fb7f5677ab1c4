package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.DunwellIntegrationTest;

@DunwellIntegrationTest
class HomePageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void agentSeesTasklistButNeitherCockpitNorAdmin() throws Exception {
        mvc.perform(get("/").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/camunda/app/tasklist/")))
                .andExpect(content().string(not(containsString("/camunda/app/cockpit/"))))
                .andExpect(content().string(not(containsString("/camunda/app/admin/"))));
    }

    @Test
    void supervisorSeesCockpitButNotAdmin() throws Exception {
        mvc.perform(get("/").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(content().string(containsString("/camunda/app/cockpit/")))
                .andExpect(content().string(not(containsString("/camunda/app/admin/"))));
    }

    @Test
    void adminSeesEverything() throws Exception {
        mvc.perform(get("/").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("/camunda/app/cockpit/")))
                .andExpect(content().string(containsString("/camunda/app/admin/")));
    }
}
