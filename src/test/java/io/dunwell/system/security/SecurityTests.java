package io.dunwell.system.security;

import static io.dunwell.system.security.TestUsers.ADMIN;
import static io.dunwell.system.security.TestUsers.ADMIN_PASSWORD;
import static io.dunwell.system.security.TestUsers.AGENT;
import static io.dunwell.system.security.TestUsers.CLUMSY;
import static io.dunwell.system.security.TestUsers.INTEGRATION;
import static io.dunwell.system.security.TestUsers.PASSWORD;
import static io.dunwell.system.security.TestUsers.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import io.dunwell.DunwellIntegrationTest;

/**
 * The security requirements of DESIGN.md ("Edges that must hold", "Engine facts"), checked
 * against the whole application: the Spring MVC side through MockMvc, the engine's REST API
 * and the Camunda webapps (Jersey servlets MockMvc never reaches) against the running server.
 */
@DunwellIntegrationTest
class SecurityTests {

    private static final String ACCOUNT_ID = "security-probe-1";
    private static final String ACCOUNT = """
            {"name":"Probe GmbH","email":"ap@probe.example","locale":"de-DE","timeZone":"Europe/Berlin","currency":"EUR"}""";
    private static final String EXPRESSION_IN_OR_QUERY = """
            {"orQueries":[{"nameExpression":"${'x'.concat('y')}"}]}""";
    private static final String PLAIN_OR_QUERY = """
            {"orQueries":[{"name":"no such task"}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    @Autowired
    FreeMarkerConfig freemarker;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @BeforeEach
    void usersOfEveryRole() {
        TestUsers.ensureExist(identity);
    }

    // --- who may come in at all

    @Test
    void anonymousApiCallGetsProblem401WithBasicChallenge() throws Exception {
        mvc.perform(get("/api/v1/accounts/x"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void anonymousEngineRestCallGets401() {
        HttpResponse<String> tasks = LiveServer.anonymous(port).get("/engine-rest/task");

        assertThat(tasks.statusCode()).isEqualTo(401);
        assertThat(tasks.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void anonymousPersonIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/login"));

        HttpResponse<String> tasklist = LiveServer.anonymous(port).get("/camunda/app/tasklist/default/", "Accept", "text/html");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void healthAndLoginPageArePublic() throws Exception {
        // 200 or 503 tells UP or DOWN; either way an anonymous probe gets the answer, and no details
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"password\"")));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        mvc.perform(get("/api/v1/accounts/x").with(httpBasic(CLUMSY, "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/login").param("username", CLUMSY).param("password", "not-the-password").with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(LiveServer.basic(port, CLUMSY, "not-the-password").get("/engine-rest/task").statusCode()).isEqualTo(401);
    }

    // --- what each role may do on the integration API

    @Test
    void agentMayReadAnAccountButNotChangeIt() throws Exception {
        mvc.perform(putAccount().with(httpBasic(SUPERVISOR, PASSWORD))).andExpect(status().is2xxSuccessful());

        mvc.perform(get("/api/v1/accounts/{id}", ACCOUNT_ID).with(httpBasic(AGENT, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Probe GmbH"));
        mvc.perform(putAccount().with(httpBasic(AGENT, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void agentMayNeitherMoveTheClockNorImport() throws Exception {
        mvc.perform(put("/api/v1/simulation/clock").with(httpBasic(AGENT, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"advance\":\"P1D\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/imports/accounts").with(httpBasic(AGENT, PASSWORD))
                        .contentType(MediaType.TEXT_PLAIN).content("externalId,name\n"))
                .andExpect(status().isForbidden());
    }

    @Test
    void integrationUserMayPushAccountsButNotMoveTheClock() throws Exception {
        mvc.perform(putAccount().with(httpBasic(INTEGRATION, PASSWORD))).andExpect(status().is2xxSuccessful());
        mvc.perform(put("/api/v1/simulation/clock").with(httpBasic(INTEGRATION, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"advance\":\"P1D\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void supervisorMayPushAccounts() throws Exception {
        mvc.perform(putAccount().with(httpBasic(SUPERVISOR, PASSWORD))).andExpect(status().is2xxSuccessful());
    }

    @Test
    void adminMayMoveTheClock() throws Exception {
        String before = mvc.perform(get("/api/v1/simulation/clock").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String after = mvc.perform(put("/api/v1/simulation/clock").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"advance\":\"PT1S\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Duration.between(now(before), now(after))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anAgentOpeningASupervisorsPageInTheBrowserGetsAConsolePageSayingSo() {
        HttpResponse<String> settings = LiveServer.signedIn(port, AGENT, PASSWORD).get("/settings", "Accept", "text/html");

        assertThat(settings.statusCode()).isEqualTo(403);
        assertThat(settings.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(settings.body()).contains("Your role does not allow this page.").doesNotContain("Whitelabel");
    }

    // --- the engine's REST API: HTTP Basic, then Camunda's own authorization checks

    @Test
    void engineRestServesAnAuthenticatedAdmin() {
        HttpResponse<String> tasks = LiveServer.basic(port, ADMIN, ADMIN_PASSWORD).get("/engine-rest/task");

        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).startsWith("[");
    }

    @Test
    void agentMayListTasksButNeitherDeployNorCreateFilters() {
        LiveServer agent = LiveServer.basic(port, AGENT, PASSWORD);

        assertThat(agent.get("/engine-rest/task").statusCode()).isEqualTo(200);

        HttpResponse<String> deployment = agent.postMultipart("/engine-rest/deployment/create", "probe", """
                --probe\r
                Content-Disposition: form-data; name="deployment-name"\r
                \r
                agent-deployment\r
                --probe\r
                Content-Disposition: form-data; name="data"; filename="probe.bpmn"\r
                Content-Type: application/octet-stream\r
                \r
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="probe"/>\r
                --probe--\r
                """);
        assertThat(deployment.statusCode()).as(deployment.body()).isEqualTo(403);
        assertThat(deployment.body()).contains("AuthorizationException");

        HttpResponse<String> filter = agent.postJson("/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"agent filter\",\"query\":{}}");
        assertThat(filter.statusCode()).as(filter.body()).isEqualTo(403);
        assertThat(filter.body()).contains("AuthorizationException");
    }

    @Test
    void engineRestAuthenticatesBeforeItLooksAtTheBody() {
        assertThat(LiveServer.anonymous(port).postJson("/engine-rest/task", EXPRESSION_IN_OR_QUERY).statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestRefusesExpressionsInOrQueries() {
        LiveServer admin = LiveServer.basic(port, ADMIN, ADMIN_PASSWORD);

        HttpResponse<String> withExpression = admin.postJson("/engine-rest/task", EXPRESSION_IN_OR_QUERY);
        assertThat(withExpression.statusCode()).isEqualTo(400);
        assertThat(withExpression.body()).contains("Expressions are not allowed");

        assertThat(admin.postJson("/engine-rest/task", PLAIN_OR_QUERY).statusCode()).isEqualTo(200);
    }

    @Test
    void webappEngineApiRefusesExpressionsInOrQueries() {
        LiveServer admin = LiveServer.signedIn(port, ADMIN, ADMIN_PASSWORD);
        assertThat(admin.get("/camunda/app/tasklist/default/", "Accept", "text/html").statusCode()).isEqualTo(200);
        String xsrf = admin.camundaCsrfToken();

        HttpResponse<String> withExpression = admin.postJson("/camunda/api/engine/engine/default/task", EXPRESSION_IN_OR_QUERY,
                "X-XSRF-TOKEN", xsrf);
        assertThat(withExpression.statusCode()).isEqualTo(400);
        assertThat(withExpression.body()).contains("Expressions are not allowed");

        HttpResponse<String> plain = admin.postJson("/camunda/api/engine/engine/default/task", PLAIN_OR_QUERY, "X-XSRF-TOKEN", xsrf);
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
    }

    // --- the Camunda webapps: one sign-in with the console, in both directions

    @Test
    void webappsSeeTheConsoleUserWithTheAppsOfTheirRole() throws Exception {
        LiveServer agent = LiveServer.signedIn(port, AGENT, PASSWORD);

        assertThat(agent.get("/camunda/app/tasklist/default/", "Accept", "text/html").statusCode()).isEqualTo(200);

        HttpResponse<String> who = agent.get("/camunda/api/admin/auth/user/default", "Accept", "application/json");
        assertThat(who.statusCode()).isEqualTo(200);
        var authentication = json.readTree(who.body());
        assertThat(authentication.get("userId").asText()).isEqualTo(AGENT);
        assertThat(authentication.get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit", "admin");
    }

    @Test
    void signingOutOfTasklistSignsOutOfTheConsole() {
        LiveServer admin = LiveServer.signedIn(port, ADMIN, ADMIN_PASSWORD);
        admin.get("/camunda/app/tasklist/default/", "Accept", "text/html");

        HttpResponse<String> logout = admin.postForm("/camunda/api/admin/auth/user/default/logout", "", "X-XSRF-TOKEN",
                admin.camundaCsrfToken());

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(admin.get("/", "Accept", "text/html").statusCode()).as("console after the sign-out").isEqualTo(302);
        assertThat(admin.get("/camunda/app/tasklist/default/", "Accept", "text/html").statusCode()).isEqualTo(302);
    }

    @Test
    void tasklistsOwnLoginFormSignsIntoTheConsoleToo() throws Exception {
        mvc.perform(putAccount().with(httpBasic(INTEGRATION, PASSWORD))).andExpect(status().is2xxSuccessful());
        LiveServer person = LiveServer.anonymous(port);
        // what Tasklist's login form sends: first a GET for a fresh CSRF cookie, then the form
        assertThat(person.get("/camunda/api/engine/engine/", "Accept", "application/json").statusCode()).isEqualTo(200);

        HttpResponse<String> login = person.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + SUPERVISOR + "&password=" + PASSWORD, "X-XSRF-TOKEN", person.camundaCsrfToken());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(json.readTree(login.body()).get("userId").asText()).isEqualTo(SUPERVISOR);
        assertThat(person.get("/", "Accept", "text/html").statusCode()).as("console").isEqualTo(200);
        assertThat(person.get("/camunda/app/cockpit/default/", "Accept", "text/html").statusCode()).as("cockpit").isEqualTo(200);
        HttpResponse<String> account = person.get("/api/v1/accounts/" + ACCOUNT_ID, "Accept", "application/json");
        assertThat(account.statusCode()).as("the API with the session").isEqualTo(200);
    }

    @Test
    void tasklistsOwnLoginFormRefusesAWrongPassword() {
        LiveServer person = LiveServer.anonymous(port);
        person.get("/camunda/api/engine/engine/", "Accept", "application/json");

        HttpResponse<String> login = person.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + CLUMSY + "&password=guess", "X-XSRF-TOKEN", person.camundaCsrfToken());

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(person.get("/", "Accept", "text/html").statusCode()).isEqualTo(302);
    }

    @Test
    void tasklistsOwnLoginFormNeedsCamundasCsrfToken() {
        LiveServer person = LiveServer.anonymous(port);
        person.get("/camunda/api/engine/engine/", "Accept", "application/json");

        HttpResponse<String> login = person.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + SUPERVISOR + "&password=" + PASSWORD);

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(person.get("/", "Accept", "text/html").statusCode()).isEqualTo(302);
    }

    @Test
    void adminSetupEndpointStaysClosed() {
        String intruder = """
                {"profile":{"id":"intruder","firstName":"In","lastName":"Truder","email":"in@truder.example"},
                 "credentials":{"password":"let-me-in"}}""";

        assertThat(LiveServer.anonymous(port).postJson("/camunda/api/admin/setup/default/user/create", intruder).statusCode())
                .isIn(401, 403);
        LiveServer admin = LiveServer.signedIn(port, ADMIN, ADMIN_PASSWORD);
        admin.get("/camunda/app/admin/default/", "Accept", "text/html");
        assertThat(admin.postJson("/camunda/api/admin/setup/default/user/create", intruder, "X-XSRF-TOKEN", admin.camundaCsrfToken())
                .statusCode()).isIn(401, 403);
        LiveServer agent = LiveServer.signedIn(port, AGENT, PASSWORD);
        assertThat(agent.postJson("/camunda/api/admin/setup/default/user/create", intruder).statusCode()).isIn(401, 403);

        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    }

    // --- CSRF: cookies are forgeable, Basic credentials sent by a machine are not

    @Test
    void consoleFormPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", ADMIN).param("password", ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", ADMIN).param("password", ADMIN_PASSWORD).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));

        LiveServer supervisor = LiveServer.signedIn(port, SUPERVISOR, PASSWORD);
        assertThat(supervisor.postForm("/logout", "").statusCode()).isEqualTo(403);
        assertThat(supervisor.get("/", "Accept", "text/html").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void sessionApiCallNeedsCsrfTokenButBasicApiCallDoesNot() throws Exception {
        LiveServer session = LiveServer.signedIn(port, SUPERVISOR, PASSWORD);
        HttpResponse<String> forged = session.putJson("/api/v1/accounts/" + ACCOUNT_ID, ACCOUNT);
        assertThat(forged.statusCode()).isEqualTo(403);

        mvc.perform(putAccount().with(httpBasic(INTEGRATION, PASSWORD))).andExpect(status().is2xxSuccessful());
    }

    @Test
    void webappApiWritesNeedCamundasCsrfToken() {
        LiveServer admin = LiveServer.signedIn(port, ADMIN, ADMIN_PASSWORD);
        admin.get("/camunda/app/tasklist/default/", "Accept", "text/html");

        assertThat(admin.postJson("/camunda/api/engine/engine/default/task", PLAIN_OR_QUERY).statusCode()).isEqualTo(403);
    }

    @Test
    void aWebappWriteWithoutItsCsrfHeaderLeavesTheSharedSessionSignedIn() {
        LiveServer agent = LiveServer.signedIn(port, AGENT, PASSWORD);
        agent.get("/camunda/app/tasklist/default/", "Accept", "text/html");

        HttpResponse<String> forged = agent.postJson("/camunda/api/engine/engine/default/task/any/claim", "{\"userId\":\"x\"}");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        // Camunda's own CSRF filter would have invalidated the session the console shares
        assertThat(agent.get("/", "Accept", "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void consolePagesRunOnlyTheirOwnScriptsAndSendNoAccountIdsToOtherSites() throws Exception {
        mvc.perform(get("/accounts").with(httpBasic(AGENT, PASSWORD)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void healthDetailsAreForAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/health").with(httpBasic(AGENT, PASSWORD)))
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void browserCachedBasicCredentialsDoNotWorkFromAnotherSite() {
        LiveServer admin = LiveServer.basic(port, ADMIN, ADMIN_PASSWORD);

        assertThat(admin.postMultipart("/engine-rest/deployment/create", "forged", "--forged--\r\n", "Sec-Fetch-Site", "cross-site")
                .statusCode()).isEqualTo(403);
        assertThat(admin.postMultipart("/api/v1/imports/accounts", "forged", "--forged--\r\n", "Sec-Fetch-Site", "same-site")
                .statusCode()).isEqualTo(403);
        assertThat(admin.postJson("/engine-rest/task", PLAIN_OR_QUERY, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        assertThat(admin.get("/engine-rest/task", "Sec-Fetch-Site", "cross-site").statusCode()).as("reading is no forgery").isEqualTo(200);
    }

    // --- templates cannot run code

    @Test
    void templatesCannotInstantiateArbitraryClasses() throws Exception {
        Template template = new Template("probe.ftlh",
                new StringReader("<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}"), freemarker.getConfiguration());

        assertThatThrownBy(() -> template.process(Map.of(), new StringWriter()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("freemarker.template.utility.Execute");
    }

    @Test
    void ftlhTemplatesEscapeHtml() throws Exception {
        Template template = freemarker.getConfiguration().getTemplate("login.ftlh");
        assertThat(template.getOutputFormat().getName()).isEqualTo("HTML");

        Template probe = new Template("probe.ftlh", new StringReader("${name}"), freemarker.getConfiguration());
        StringWriter out = new StringWriter();
        probe.process(Map.of("name", "<script>alert(1)</script>"), out);
        assertThat(out.toString()).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private MockHttpServletRequestBuilder putAccount() {
        return put("/api/v1/accounts/{id}", ACCOUNT_ID).contentType(MediaType.APPLICATION_JSON).content(ACCOUNT);
    }

    private Instant now(String clockResponse) throws Exception {
        return Instant.parse(json.readTree(clockResponse).get("now").asText());
    }
}
