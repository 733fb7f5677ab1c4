package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ConsoleWebMvcTest
class LoginControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theSignInFormIsOpenToAnonymousVisitorsAndCarriesACsrfToken() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<form method=\"post\" action=\"/login\">")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void aFailedSignInSaysSo() throws Exception {
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Wrong user name or password.")));
    }

    @Test
    void aThrottledSignInSaysHowLongToWaitAndNothingElse() throws Exception {
        mvc.perform(get("/login").param("throttled", "42"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Too many failed sign-ins, try again in 42 seconds.")))
                .andExpect(content().string(not(containsString("Wrong user name or password."))));
        mvc.perform(get("/login").param("throttled", "1"))
                .andExpect(content().string(containsString("try again in 1 second.")));
        // the seconds come from a link anyone can make: nothing but a number is shown
        mvc.perform(get("/login").param("throttled", "a while, call +1 555 0100"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Too many failed sign-ins"))))
                .andExpect(content().string(not(containsString("555"))));
    }

    @Test
    void signingInWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "alice").param("password", "demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aWrongPasswordLeadsBackToTheForm() throws Exception {
        // the mocked Camunda IdentityService knows no password
        mvc.perform(post("/login").param("username", "alice").param("password", "wrong")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }
}
