package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without the demo's mail catcher (as in production); the catcher's inbox is covered by MailPageTests on the demo. */
@ConsoleWebMvcTest
class MailControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void withoutMailCatcherThePageSaysWhereMailGoesAndTheMenuHidesIt() throws Exception {
        mvc.perform(get("/mail").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No mail catcher runs here: notices go to the SMTP server at")))
                .andExpect(content().string(not(containsString("href=\"/mail\""))));
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/mail").accept("text/html")).andExpect(redirectedUrlPattern("**/login"));
    }
}
