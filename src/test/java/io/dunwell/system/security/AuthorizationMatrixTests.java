package io.dunwell.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Accounts;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.followup.NewFollowUpTask;
import io.dunwell.worklist.Baskets;

/**
 * The README's "Who may do what" table, sent request by request as every column's user: the table
 * is the design, {@link AccessRules} (with the services' ownership rules and the engine guard) its
 * enforcement, and this test holds the two together. It also fails when the application has an
 * endpoint the table does not name. Every row gets fresh fixtures for every user (a basket, a
 * session, engine tasks), so one user's allowed request never changes what the next one meets.
 */
@DunwellIntegrationTest
class AuthorizationMatrixTests {

    private static final Path README = Path.of("README.md");
    private static final Pattern ROW = Pattern.compile("^\\|[^|]*\\| `([A-Z]+) ([^` ]+)(?: \\(([^)]+)\\))?` \\|(.*)\\|\\s*$");
    private static final List<String> COLUMNS = List.of("anonymous", "agent", "other agent", "supervisor", "admin", "integration");
    private static final String AGENT = "matrixagent";
    private static final String OTHER_AGENT = "matrixother";
    private static final String SUPERVISOR = "matrixsupervisor";
    private static final String INTEGRATION = "matrixbilling";
    private static final String ACCOUNT = "MATRIX-ACC";
    private static final String INVOICE = "MATRIX-INV";
    private static final String NOTHING = "999999999";

    private static final String CALL_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                id="Definitions_Matrix" targetNamespace="https://dunwell.io/test">
              <bpmn:process id="MatrixCallProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Matrix" />
                <bpmn:sequenceFlow id="SequenceFlow_ToCall" sourceRef="StartEvent_Matrix" targetRef="Task_CallMatrix" />
                <bpmn:userTask id="Task_CallMatrix" camunda:assignee="${assignee}" camunda:candidateGroups="${groups}"
                    camunda:formRef="callCustomerForm" camunda:formRefBinding="latest" />
                <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="Task_CallMatrix" targetRef="EndEvent_Matrix" />
                <bpmn:endEvent id="EndEvent_Matrix" />
              </bpmn:process>
            </bpmn:definitions>
            """;
    private static final String APPROVAL_PROCESS = CALL_PROCESS.replace("MatrixCallProcess", "MatrixApprovalProcess")
            .replace("Task_CallMatrix", "Task_ApproveMatrix").replace("callCustomerForm", "approveWriteOffForm");

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    Accounts accounts;

    @Autowired
    Baskets baskets;

    @Autowired
    FollowUpTasks followUps;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    record Row(String method, String path, String variant, List<String> expected, int line) {

        String request() {
            return method + " " + path + (variant == null ? "" : " (" + variant + ")");
        }
    }

    /** One column's user. */
    record Caller(String column, String user, String password) {
    }

    @BeforeEach
    void fixtures() throws Exception {
        TestUsers.ensureExist(identity);
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, OTHER_AGENT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, SUPERVISOR, Roles.SUPERVISORS_GROUP);
        TestUsers.ensure(identity, INTEGRATION, Roles.INTEGRATIONS_GROUP);
        if (accounts.find(ACCOUNT).isEmpty()) {
            send(admin(), "PUT", "/api/v1/accounts/" + ACCOUNT, """
                    {"name":"Matrix Ltd","email":"ap@matrix.example","locale":"en-GB","timeZone":"Europe/London","currency":"GBP"}""");
            send(admin(), "PUT", "/api/v1/invoices/" + INVOICE, """
                    {"accountId":"%s","number":"M-1","issueDate":"2026-01-01","dueDate":"2026-02-01","currency":"GBP","amount":"120.00"}"""
                    .formatted(ACCOUNT));
        }
        if (repository.createProcessDefinitionQuery().processDefinitionKey("MatrixCallProcess").count() == 0) {
            repository.createDeployment().name("authorization matrix").addString("matrix-call.bpmn", CALL_PROCESS)
                    .addString("matrix-approval.bpmn", APPROVAL_PROCESS).deploy();
        }
    }

    @Test
    void everyRequestOfTheReadmeTableGetsWhatTheTableSaysForEveryRole() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : readmeTable()) {
            for (int column = 0; column < COLUMNS.size(); column++) {
                Caller caller = caller(COLUMNS.get(column));
                String expected = row.expected().get(column);
                int status = send(caller, row);
                if (!matches(expected, status, caller)) {
                    wrong.add("README line %d, %s as %s: expected %s, got %d".formatted(row.line(), row.request(), caller.column(),
                            expected, status));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theReadmeTableNamesEveryEndpointOfTheApplication() throws IOException {
        Set<String> named = new TreeSet<>();
        readmeTable().forEach(row -> named.add(row.method() + " " + placeholdersOf(row.path())));
        Set<String> missing = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error") || pattern.startsWith("/v3/api-docs/") || pattern.equals("/v3/api-docs.yaml")) {
                    continue; // Spring Boot's error page and springdoc's variants of the documentation
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    String endpoint = method.name() + " " + placeholdersOf(pattern);
                    if (!named.contains(endpoint)) {
                        missing.add(endpoint);
                    }
                }
            }
        }
        assertThat(missing).as("endpoints missing from the README's authorization table").isEmpty();
    }

    private static String placeholdersOf(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    static List<Row> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Who may do what");
        assertThat(start).as("README has a section 'Who may do what'").isPositive();
        List<Row> rows = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            Matcher row = ROW.matcher(lines.get(i));
            if (row.matches()) {
                List<String> cells = List.of(row.group(4).split("\\|")).stream().map(String::strip).toList();
                assertThat(cells).as("README line %d has a cell per role", i + 1).hasSize(COLUMNS.size());
                rows.add(new Row(row.group(1), row.group(2), row.group(3), cells, i + 1));
            }
        }
        assertThat(rows).hasSizeGreaterThan(50);
        return rows;
    }

    private static boolean matches(String expected, int status, Caller caller) {
        boolean refused = caller.user() == null ? status == 401 || status == 302 : status == 403;
        return switch (expected) {
            case "✓" -> !refused && status != 401 && status != 403 && status < 500;
            case "✗" -> refused;
            default -> status == Integer.parseInt(expected);
        };
    }

    private Caller caller(String column) {
        return switch (column) {
            case "anonymous" -> new Caller(column, null, null);
            case "agent" -> new Caller(column, AGENT, TestUsers.PASSWORD);
            case "other agent" -> new Caller(column, OTHER_AGENT, TestUsers.PASSWORD);
            case "supervisor" -> new Caller(column, SUPERVISOR, TestUsers.PASSWORD);
            case "admin" -> admin();
            case "integration" -> new Caller(column, INTEGRATION, TestUsers.PASSWORD);
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static Caller admin() {
        return new Caller("admin", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    // --- one request: its fixtures made for this caller, then sent as this caller

    private int send(Caller caller, Row row) throws Exception {
        Map<String, String> values = new HashMap<>();
        String path = resolve(row.path(), caller, values);
        if (path.startsWith("/api/v1/baskets/") && path.endsWith("/statements")) {
            path += "?requestId=matrix-" + System.nanoTime(); // a required parameter Spring checks before any rule of ours
        }
        String body = bodyOf(row, caller, values);
        if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/")) {
            return live(caller, row.method(), path, body, row.variant());
        }
        try {
            return send(caller, row.method(), path, body).getStatus();
        } catch (ServletException unhandled) {
            return 500; // what the servlet container would answer
        }
    }

    private String resolve(String template, Caller caller, Map<String, String> values) {
        Matcher placeholder = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = valueOf(name, caller, values);
            placeholder.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(path);
        return path.toString();
    }

    /** Each placeholder is made once per request: {session} and {sessionAccount} share the basket made for {basket}. */
    private String valueOf(String name, Caller caller, Map<String, String> values) {
        if (!values.containsKey(name)) {
            values.put(name, fixture(name, caller, values));
        }
        return values.get(name);
    }

    private String fixture(String name, Caller caller, Map<String, String> values) {
        return switch (name) {
            case "account" -> ACCOUNT;
            case "invoice" -> INVOICE;
            case "user" -> AGENT;
            case "attachment", "placement", "payment", "creditNote" -> NOTHING;
            case "run" -> NOTHING;
            case "followUp" -> followUps.create(new NewFollowUpTask(ACCOUNT, null, "Call back", "matrix", AGENT,
                    LocalDate.of(2030, 1, 10), LocalDate.of(2030, 1, 5), false), AGENT).getId().toString();
            case "basket" -> baskets.create("matrix " + System.nanoTime(), List.of(ACCOUNT), AGENT).value().getId().toString();
            case "session" -> {
                Long basket = Long.valueOf(valueOf("basket", caller, values));
                yield baskets.startSession(basket, AGENT, false).getSessionProcessInstanceId();
            }
            case "sessionAccount" -> accounts.require(ACCOUNT).getId().toString();
            case "task", "teamTask" -> callTask(AGENT, Roles.AGENTS_GROUP).getId();
            case "groupTask" -> callTask(null, Roles.AGENTS_GROUP).getId();
            case "adminTask" -> task("MatrixApprovalProcess", null, Roles.ADMINS_GROUP, null).getId();
            case "ownApproval" -> task("MatrixApprovalProcess", null, Roles.AGENTS_GROUP + "," + Roles.SUPERVISORS_GROUP + ","
                    + Roles.ADMINS_GROUP, caller.user() == null ? AGENT : caller.user()).getId();
            case "process" -> callTask(AGENT, Roles.AGENTS_GROUP).getProcessInstanceId();
            default -> throw new IllegalArgumentException("no fixture for {" + name + "}");
        };
    }

    private Task callTask(String assignee, String groups) {
        return task("MatrixCallProcess", assignee, groups, null);
    }

    private Task task(String process, String assignee, String groups, String requestedBy) {
        Map<String, Object> variables = new HashMap<>(Map.of("groups", groups, "accountId", ACCOUNT));
        variables.put("assignee", assignee);
        if (requestedBy != null) {
            variables.put(TaskAccess.REQUESTED_BY, requestedBy);
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(process, variables);
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** Bodies good enough to pass authorization; most are refused afterwards as incomplete, which the table allows. */
    private String bodyOf(Row row, Caller caller, Map<String, String> values) {
        String request = row.method() + " " + row.path() + (row.variant() == null ? "" : " (" + row.variant() + ")");
        return switch (request) {
            case "POST /api/v1/bulk-actions (write-off)" -> """
                    {"action":"writeOff","accountIds":["%s"],"preview":true}""".formatted(ACCOUNT);
            case "POST /accounts/bulk/preview (write-off)" -> "action=writeOff&accountIds=" + ACCOUNT;
            case "POST /engine-rest/task/{groupTask}/claim", "POST /engine-rest/task/{task}/claim" -> """
                    {"userId":"%s"}""".formatted(caller.user());
            case "POST /engine-rest/task/{teamTask}/assignee" -> """
                    {"userId":"%s"}""".formatted(OTHER_AGENT);
            case "POST /engine-rest/task/{task}/complete" -> """
                    {"variables":{"callOutcome":{"value":"noContact","type":"String"},"callNote":{"value":"no answer","type":"String"}}}""";
            case "POST /engine-rest/task/{task}/complete (undeclared)" -> """
                    {"variables":{"callOutcome":{"value":"noContact","type":"String"},"customerName":{"value":"x","type":"String"}}}""";
            case "POST /engine-rest/task/{adminTask}/complete", "POST /engine-rest/task/{ownApproval}/complete" -> """
                    {"variables":{"writeOffDecision":{"value":"approve","type":"String"}}}""";
            case "PUT /engine-rest/task/{task}/variables/callNote", "PUT /engine-rest/task/{task}/variables/maxCallAttempts" -> """
                    {"value":"7","type":"String"}""";
            case "POST /engine-rest/process-instance/{process}/variables" -> """
                    {"modifications":{"accountId":{"value":"OTHER-ACCOUNT","type":"String"}}}""";
            case "POST /engine-rest/message" -> """
                    {"messageName":"Msg_NobodyWaitsForThis"}""";
            case "POST /engine-rest/task" -> "{}";
            default -> row.method().equals("GET") || row.method().equals("DELETE") ? null
                    : row.path().startsWith("/api/") ? "{}" : "";
        };
    }

    private MockHttpServletResponse send(Caller caller, String method, String path, String body) throws Exception {
        boolean api = path.startsWith("/api/") || path.startsWith("/v3/");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path).with(csrf())
                .accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        if (caller.user() != null) {
            request.with(httpBasic(caller.user(), caller.password()));
        }
        if (body != null) {
            boolean form = !api;
            request.contentType(form ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private int live(Caller caller, String method, String path, String body, String variant) {
        LiveServer server = caller.user() == null ? LiveServer.anonymous(port) : LiveServer.basic(port, caller.user(), caller.password());
        Function<HttpResponse<String>, Integer> status = HttpResponse::statusCode;
        return switch (method) {
            case "GET" -> status.apply(server.get(path, "Accept", "text/html,application/json"));
            case "POST" -> path.endsWith("/deployment/create")
                    ? status.apply(server.postMultipart(path, "matrix", "--matrix\r\nContent-Disposition: form-data; name=\"deployment-name\""
                            + "\r\n\r\nmatrix\r\n--matrix--\r\n"))
                    : status.apply(server.postJson(path, body == null ? "{}" : body));
            case "PUT" -> status.apply(server.putJson(path, body == null ? "{}" : body));
            case "DELETE" -> status.apply(server.delete(path));
            default -> throw new IllegalArgumentException(method);
        };
    }
}
