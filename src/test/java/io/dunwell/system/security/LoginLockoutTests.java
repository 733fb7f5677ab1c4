package io.dunwell.system.security;

import static io.dunwell.system.security.TestUsers.ADMIN;
import static io.dunwell.system.security.TestUsers.ADMIN_PASSWORD;
import static io.dunwell.system.security.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.system.SharedClock;

/**
 * Finding 5 of the authorization review: anyone could lock out any user, the admin included, with
 * ten wrong passwords spaced to wait out Camunda's short locks. Now Camunda never locks, and the
 * sign-in throttle delays the guesser without keeping the user out. Clients are told apart by the
 * address MockMvc gives a request; the running server sees every test from the loopback address.
 */
@DunwellIntegrationTest
class LoginLockoutTests {

    private static final String USUAL_PLACE = "10.0.0.7";
    private static final String NEW_PLACE = "10.0.0.99";
    private static final String PROBE = "lockoutprobe";
    /** Only ever signs in with the right password. */
    private static final String REGULAR = "lockoutregular";
    /** Only ever checked by the engine directly. */
    private static final String ENGINE_PROBE = "lockoutengineprobe";
    private static final Duration CAP = Duration.ofMinutes(5);

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    @Autowired
    SharedClock clock;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @BeforeEach
    void probeUsersAndAFreshLoopbackCounter() {
        TestUsers.ensure(identity, PROBE, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, REGULAR, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, ENGINE_PROBE, Roles.AGENTS_GROUP);
        signInFromLoopback();
    }

    /**
     * Every other test signs in from the loopback address, many as the admin: they must not inherit
     * a wait from here, even when a test here stopped half-way. (Unchecked for the admin: that is
     * what the tests check.)
     */
    @AfterEach
    void releaseTheLoopbackTheAdminAndTheClock() {
        clock.advance(CAP);
        signInFromLoopback();
        LiveServer.basic(port, ADMIN, ADMIN_PASSWORD).get("/engine-rest/task");
        clock.reset();
    }

    @Test
    void thirtyWrongPasswordsNeverMakeTheRightOneFailForGood() {
        for (int guess = 0; guess < 30; guess++) {
            // spaced to wait out each of Camunda's short locks, as the finding's attacker did
            clock.advance(Duration.ofSeconds(61));
            assertThat(identity.checkPassword(ENGINE_PROBE, "guess-" + guess)).isFalse();
        }

        assertThat(identity.checkPassword(ENGINE_PROBE, PASSWORD)).isTrue();
    }

    @Test
    void aStrangersFiftyWrongPasswordsForTheAdminLetTheAdminSignInAtOnceFromTheirUsualAddress() throws Exception {
        consoleLogin(ADMIN, ADMIN_PASSWORD, USUAL_PLACE).andExpect(redirectedUrl("/"));

        strangerGuessesTheAdminsPassword(50, "10.0.0.66");

        consoleLogin(ADMIN, ADMIN_PASSWORD, USUAL_PLACE).andExpect(redirectedUrl("/"));
        MockHttpServletResponse stranger = apiCall(ADMIN, "one more guess", "10.0.0.66");
        assertThat(stranger.getStatus()).as("the stranger's own address waits").isEqualTo(429);
        assertThat(Long.parseLong(stranger.getHeader("Retry-After"))).isBetween(1L, CAP.toSeconds());
    }

    @Test
    void fromAnAddressNewToThemTheAdminWaitsAtMostTheCap() throws Exception {
        strangerGuessesTheAdminsPassword(50, "10.0.0.67");

        MockHttpServletResponse refused = apiCall(ADMIN, ADMIN_PASSWORD, NEW_PLACE);
        assertThat(refused.getStatus()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, CAP.toSeconds());
        assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var problem = json.readTree(refused.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).isEqualTo("Too many failed sign-ins, try again in " + retryAfter + " seconds.");

        clock.advance(Duration.ofSeconds(retryAfter));

        assertThat(apiCall(ADMIN, ADMIN_PASSWORD, NEW_PLACE).getStatus()).isEqualTo(200);
    }

    @Test
    void theConsoleFormSendsAThrottledPersonBackWithTheWaitWhetherOrNotTheUserExists() throws Exception {
        for (int guess = 0; guess < 10; guess++) {
            consoleLogin("nosuchuser", "guess-" + guess, "10.0.0.68").andExpect(redirectedUrl("/login?error"));
        }

        consoleLogin("nosuchuser", "guess-10", "10.0.0.68").andExpect(redirectedUrl("/login?throttled=1"));
        consoleLogin(PROBE, PASSWORD, "10.0.0.68").andExpect(redirectedUrlPattern("/login?throttled=*"));
    }

    @Test
    void theWebappsLoginFormIsThrottledToo() {
        LiveServer person = LiveServer.anonymous(port);
        person.get("/camunda/api/engine/engine/", "Accept", "application/json");
        for (int guess = 0; guess < 10; guess++) {
            assertThat(webappLogin(person, PROBE, "guess-" + guess).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = webappLogin(person, PROBE, PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("Too many failed sign-ins, try again in 1 second.");
        clock.advance(Duration.ofSeconds(1));
        assertThat(webappLogin(person, PROBE, PASSWORD).statusCode()).as("released by itself").isEqualTo(200);
    }

    @Test
    void engineRestBasicSignInIsThrottledToo() {
        for (int guess = 0; guess < 10; guess++) {
            assertThat(LiveServer.basic(port, PROBE, "guess-" + guess).get("/engine-rest/task").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = LiveServer.basic(port, PROBE, PASSWORD).get("/engine-rest/task");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        clock.advance(Duration.ofSeconds(1));
        assertThat(LiveServer.basic(port, PROBE, PASSWORD).get("/engine-rest/task").statusCode()).isEqualTo(200);
    }

    @Test
    void noSignedInUserMayCheckOtherUsersPasswordsThroughIdentityVerify() {
        String guess = "{\"username\":\"admin\",\"password\":\"guess\"}";

        assertThat(LiveServer.basic(port, REGULAR, PASSWORD).postJson("/engine-rest/identity/verify", guess).statusCode())
                .isEqualTo(403);
        LiveServer agent = LiveServer.signedIn(port, REGULAR, PASSWORD);
        agent.get("/camunda/app/tasklist/default/", "Accept", "text/html");
        assertThat(agent.postJson("/camunda/api/engine/engine/default/identity/verify", guess, "X-XSRF-TOKEN", agent.camundaCsrfToken())
                .statusCode()).isEqualTo(403);
    }

    /** The finding's attacker: every guess a real password check, spaced to wait out each lock, Camunda's and ours. */
    private void strangerGuessesTheAdminsPassword(int guesses, String address) throws Exception {
        for (int guess = 0; guess < guesses; guess++) {
            clock.advance(Duration.ofSeconds(61));
            MockHttpServletResponse answer = apiCall(ADMIN, "guess-" + guess, address);
            if (answer.getStatus() == 429) {
                clock.advance(Duration.ofSeconds(Long.parseLong(answer.getHeader("Retry-After"))));
                answer = apiCall(ADMIN, "guess-" + guess, address);
            }
            assertThat(answer.getStatus()).as("guess %d checked and wrong", guess).isEqualTo(401);
        }
    }

    private MockHttpServletResponse apiCall(String user, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/simulation/clock").with(httpBasic(user, password)).with(from(address))).andReturn().getResponse();
    }

    private ResultActions consoleLogin(String user, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf()).with(from(address)));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static HttpResponse<String> webappLogin(LiveServer person, String user, String password) {
        return person.postForm("/camunda/api/admin/auth/user/default/login/tasklist", "username=" + user + "&password=" + password,
                "X-XSRF-TOKEN", person.camundaCsrfToken());
    }

    private void signInFromLoopback() {
        assertThat(LiveServer.basic(port, REGULAR, PASSWORD).get("/engine-rest/task").statusCode()).isEqualTo(200);
    }
}
