package io.dunwell.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Accounts;
import io.dunwell.followup.FollowUpTask;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.followup.NewFollowUpTask;
import io.dunwell.timeline.Timeline;

/**
 * The findings against the engine's REST API, each as the request that showed it: what the
 * {@link EngineRestGuard} now answers, and that nothing changed behind a refusal.
 */
@DunwellIntegrationTest
class EngineRestGuardTests {

    private static final String ACCOUNT = "ENGINE-GUARD-1";

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    Accounts accounts;

    @Autowired
    FollowUpTasks followUps;

    @Autowired
    Timeline timeline;

    @LocalServerPort
    int port;

    @BeforeEach
    void usersAndAnAccount() {
        TestUsers.ensureExist(identity);
        if (accounts.find(ACCOUNT).isEmpty()) {
            LiveServer admin = LiveServer.basic(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            assertThat(admin.putJson("/api/v1/accounts/" + ACCOUNT, """
                    {"name":"Guard GmbH","email":"ap@guard.example","locale":"de-DE","timeZone":"Europe/Berlin","currency":"EUR"}""")
                    .statusCode()).isEqualTo(201);
        }
    }

    @Test
    void anAgentCannotMoveHerOwnCallToAnotherAccountWhileCompletingIt() {
        Task call = followUpTaskOf(TestUsers.AGENT);

        HttpResponse<String> moved = agent().postJson("/engine-rest/task/" + call.getId() + "/complete", """
                {"variables":{"followUpOutcome":{"value":"completed"},"accountId":{"value":"SOMEBODY-ELSE"}}}""");

        assertThat(moved.statusCode()).isEqualTo(403);
        assertThat(moved.body()).contains("accountId");
        assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("the task is still open").isEqualTo(1);
    }

    @Test
    void workDoneThroughTheEngineRestApiIsRecordedAsItsUserNotAnonymous() {
        Task call = followUpTaskOf(TestUsers.AGENT);

        HttpResponse<String> completed = agent().postJson("/engine-rest/task/" + call.getId() + "/complete", """
                {"variables":{"followUpOutcome":{"value":"completed"},"followUpNote":{"value":"done by phone"}}}""");

        assertThat(completed.statusCode()).isEqualTo(204);
        var entry = timeline.of(accounts.require(ACCOUNT).getId()).stream()
                .filter(line -> line.getSummary().contains("done by phone")).findFirst().orElseThrow();
        assertThat(entry.getActor()).isEqualTo(TestUsers.AGENT);
        assertThat(entry.getSummary()).contains("by " + TestUsers.AGENT);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        byte[] big = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(post("/engine-rest/task", HttpRequest.BodyPublishers.ofByteArray(big)).statusCode()).isEqualTo(413);
        // without a Content-Length (chunked), the guard stops reading at the limit
        assertThat(post("/engine-rest/task", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .statusCode()).isEqualTo(413);
    }

    @Test
    void aJavaSerializedOrOverlongVariableIsRefusedEvenForAnAdmin() {
        String instance = followUpTaskOf(TestUsers.AGENT).getProcessInstanceId();
        LiveServer admin = LiveServer.basic(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        HttpResponse<String> serialized = admin.putJson("/engine-rest/process-instance/" + instance + "/variables/note", """
                {"value":"rO0ABXQAA2FiYw==","type":"Object","valueInfo":{"objectTypeName":"java.lang.String",
                 "serializationDataFormat":"application/x-java-serialized-object"}}""");
        HttpResponse<String> overlong = admin.putJson("/engine-rest/process-instance/" + instance + "/variables/note",
                "{\"value\":\"" + "x".repeat(EngineRestGuard.MAX_TEXT + 1) + "\",\"type\":\"String\"}");

        assertThat(serialized.statusCode()).isEqualTo(400);
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(runtime.getVariable(instance, "note")).isNull();
    }

    @Test
    void aWriteToATaskThatIsNotThereIs404NotTheEngines500() {
        assertThat(agent().postJson("/engine-rest/task/no-such-task/claim", "{\"userId\":\"" + TestUsers.AGENT + "\"}")
                .statusCode()).isEqualTo(404);
    }

    private LiveServer agent() {
        return LiveServer.basic(port, TestUsers.AGENT, TestUsers.PASSWORD);
    }

    private Task followUpTaskOf(String assignee) {
        FollowUpTask task = followUps.create(new NewFollowUpTask(ACCOUNT, null, "Call back " + System.nanoTime(), null, assignee,
                LocalDate.of(2030, 1, 10), LocalDate.of(2030, 1, 5), false), assignee);
        return followUps.openTask(task).orElseThrow();
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json").POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
