package io.dunwell.system.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's REST API, the public one (/engine-rest) and the one Tasklist and Cockpit call
 * (/camunda/api/engine), lets whoever holds a task's update permission rewrite any variable of
 * its case. In front of both, this guard lets through what staff need and nothing more:
 * <ul>
 * <li>reads, and the queries that are sent as POST;</li>
 * <li>the task operations {@link TaskAccess} allows the signed-in user (claim, unclaim, complete,
 * submit the form, comment, change dates; assign, delegate and candidates for supervisors over the
 * team's tasks), a completion carrying only the variables the task's form declares;</li>
 * <li>every other write for admins only, and for them too never a case's identifying variables,
 * Java-serialized objects, texts longer than the engine stores, or expressions in orQueries
 * (a known hole: those are evaluated on the server).</li>
 * </ul>
 * Refusals are answered in the engine's own error format, so Tasklist shows their message.
 */
class EngineRestGuard extends OncePerRequestFilter {

    private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");
    private static final Pattern TASK_PATH = Pattern.compile("^/task/([^/]+)(?:/(.*))?$");
    private static final Pattern NAMED_VARIABLE = Pattern.compile("^/(?:task|process-instance|execution|case-instance|case-execution)/[^/]+/"
            + "(?:variables|localVariables)/([^/]+)(?:/data)?$");
    /** Queries the engine takes as POST bodies; they read, so everyone may send them. */
    private static final Pattern QUERY = Pattern.compile("^/(?:task|task/count|process-instance|process-instance/count|execution"
            + "|execution/count|variable-instance|variable-instance/count|incident|incident/count|job|job/count|external-task"
            + "|external-task/count|filter/[^/]+/(?:list|count|singleResult)"
            + "|history/(?!cleanup|batch)[a-z-]+(?:/count|/report)?)$");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> COMPLETIONS = Set.of("complete", "submit-form", "resolve");
    /** Variable maps in engine requests: starting, correlating, modifying, completing. */
    private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
            "processVariablesLocal", "localVariables", "variablesLocal");
    /** The engine keeps longer texts in a byte array no query reads; past this it fails on PostgreSQL. */
    static final int MAX_TEXT = 4000;
    private static final String OR_EXPRESSION = "Expressions are not allowed in orQueries";

    private final EngineTasks tasks;
    private final long maxBodyBytes;
    private final ObjectMapper json = new ObjectMapper();

    EngineRestGuard(EngineTasks tasks, long maxBodyBytes) {
        this.tasks = tasks;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engine = ENGINE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (!engine.matches() || user == null || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response); // Spring Security has answered, or lets through what needs no user
            return;
        }
        String path = engine.group(1) == null ? "/" : engine.group(1);
        if (READS.contains(request.getMethod())) {
            if (queryStringCarriesOrExpression(request)) {
                refuse(response, HttpStatus.BAD_REQUEST, OR_EXPRESSION);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        byte[] body = multipart ? null : readBounded(request);
        if (body == null && !multipart) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        JsonNode content = multipart ? null : parse(body);
        if (bodyCarriesOrExpression(content, false)) {
            refuse(response, HttpStatus.BAD_REQUEST, OR_EXPRESSION);
            return;
        }
        Optional<Refusal> refusal = decide(request.getMethod(), path, content, tasks.caller(user.getName()));
        if (refusal.isPresent()) {
            refuse(response, refusal.get().status(), refusal.get().message());
            return;
        }
        chain.doFilter(multipart ? request : new ReplayedBody(request, body), response);
    }

    record Refusal(HttpStatus status, String message) {
    }

    Optional<Refusal> decide(String method, String path, JsonNode body, TaskAccess caller) {
        Optional<Refusal> variables = checkVariables(path, body);
        if (variables.isPresent()) {
            return variables;
        }
        Matcher task = TASK_PATH.matcher(path);
        if ("POST".equals(method) && QUERY.matcher(path).matches()) {
            return Optional.empty();
        }
        if (task.matches() && !"create".equals(task.group(1))) {
            return decideTask(method, task.group(1), task.group(2) == null ? "" : task.group(2), body, caller);
        }
        return caller.isAdmin() ? Optional.empty() : forbidden("Only admins may change this through the engine's API");
    }

    private Optional<Refusal> decideTask(String method, String taskId, String operation, JsonNode body, TaskAccess caller) {
        Optional<TaskAccess.EngineTask> found = tasks.find(taskId);
        if (found.isEmpty()) {
            // the engine answers a write to a task that is not there with a 500
            return Optional.of(new Refusal(HttpStatus.NOT_FOUND, "No task " + taskId));
        }
        TaskAccess.EngineTask task = found.get();
        String self = caller.user();
        boolean ofSomeoneElse = task.assignee() != null && !task.assignee().equals(self);
        switch (operation) {
            case "claim":
                if (ofSomeoneElse) {
                    return conflict("Task " + taskId + " is already claimed by " + task.assignee());
                }
                return caller.mayWork(task) ? Optional.empty() : forbidden("You may not claim this task");
            case "unclaim":
                return allowedIf(ofSomeoneElse ? caller.mayAssign(task) : caller.mayWork(task),
                        "Only the assignee or a supervisor may unclaim this task");
            case "assignee":
                String to = body == null ? null : body.path("userId").asText(null);
                boolean claimsItself = self.equals(to) && task.assignee() == null && caller.mayWork(task);
                return allowedIf(claimsItself || caller.mayAssign(task), "Only a supervisor may give this task to someone");
            case "delegate":
            case "identity-links":
            case "identity-links/delete":
                return allowedIf(caller.mayAssign(task), "Only a supervisor may hand this task on");
            case "complete":
            case "submit-form":
            case "resolve":
                if (!caller.mayComplete(task)) {
                    return forbidden(caller.mayWork(task) ? "Whoever asked for an approval may not approve it"
                            : "This task is not yours to complete");
                }
                return formDeclaresOnly(taskId, body);
            case "comment/create":
            case "attachment/create":
                return allowedIf(caller.mayWork(task), "This task is not yours");
            case "":
                if ("DELETE".equals(method)) {
                    return !caller.isAdmin() ? forbidden("Only admins may delete a task")
                            : tasks.partOfAProcess(taskId) ? conflict("Task " + taskId + " belongs to a running process;"
                                    + " it ends with its process, not by deletion") : Optional.empty();
                }
                return allowedIf(caller.mayWork(task), "This task is not yours");
            default:
                return allowedIf(caller.isAdmin(), "Only admins may change this through the engine's API");
        }
    }

    /** A form submits only its declared fields: an outcome, never the case's own variables. */
    private Optional<Refusal> formDeclaresOnly(String taskId, JsonNode body) {
        JsonNode variables = body == null ? null : body.get("variables");
        if (variables == null || !variables.isObject()) {
            return Optional.empty();
        }
        Set<String> declared = tasks.formFields(taskId);
        for (Iterator<String> names = variables.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!declared.contains(name)) {
                return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "The task's form does not ask for '" + name + "'"));
            }
        }
        return Optional.empty();
    }

    /** Everyone, admins included: no identifying variable, no serialized Java object, no text past the column. */
    private Optional<Refusal> checkVariables(String path, JsonNode body) {
        Matcher named = NAMED_VARIABLE.matcher(path);
        if (named.matches() && EngineVariables.isProtected(named.group(1))) {
            return forbidden("'" + named.group(1) + "' is written by the process alone");
        }
        if (named.matches() && body != null) {
            Optional<String> wrong = EngineVariables.problemWithValue(named.group(1), body);
            if (wrong.isPresent()) {
                return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, wrong.get()));
            }
        }
        return body == null ? Optional.empty() : checkVariableMaps(body);
    }

    private Optional<Refusal> checkVariableMaps(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<Refusal> refusal = checkVariableMaps(element);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> variables = field.getValue().fields(); variables.hasNext();) {
                    Map.Entry<String, JsonNode> variable = variables.next();
                    if (EngineVariables.isProtected(variable.getKey())) {
                        return forbidden("'" + variable.getKey() + "' is written by the process alone");
                    }
                    Optional<String> wrong = EngineVariables.problemWithValue(variable.getKey(), variable.getValue());
                    if (wrong.isPresent()) {
                        return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, wrong.get()));
                    }
                }
            }
            Optional<Refusal> nested = checkVariableMaps(field.getValue());
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> allowedIf(boolean allowed, String otherwise) {
        return allowed ? Optional.empty() : forbidden(otherwise);
    }

    private static Optional<Refusal> forbidden(String message) {
        return Optional.of(new Refusal(HttpStatus.FORBIDDEN, message));
    }

    private static Optional<Refusal> conflict(String message) {
        return Optional.of(new Refusal(HttpStatus.CONFLICT, message));
    }

    /** The body, or null when it is larger than the limit: never more than the limit is held in memory. */
    private byte[] readBounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            return body.length > maxBodyBytes ? null : body;
        } catch (IOException pastTheLimit) {
            return null; // the body size filter stops a chunked body at the same limit
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException notJson) {
            return null; // the engine answers its own 400
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean queryStringCarriesOrExpression(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().startsWith("orQueries")) {
                for (String value : parameter.getValue()) {
                    if (value.contains("Expression")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean bodyCarriesOrExpression(JsonNode node, boolean insideOrQueries) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (insideOrQueries && field.getKey().endsWith("Expression")) {
                    return true;
                }
                if (bodyCarriesOrExpression(field.getValue(), insideOrQueries || "orQueries".equals(field.getKey()))) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (bodyCarriesOrExpression(element, insideOrQueries)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", status == HttpStatus.FORBIDDEN ? "AuthorizationException"
                : "InvalidRequestException", "message", message));
    }
}
