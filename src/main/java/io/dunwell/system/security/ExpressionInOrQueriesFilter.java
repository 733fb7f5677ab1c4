package io.dunwell.system.security;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Closes a known hole of Camunda 7: expressions inside a task query's {@code orQueries} are
 * evaluated on the server even where expressions are otherwise disabled. Any JSON body sent to
 * the engine's REST API (the public one and the webapps' one) that carries a key ending in
 * "Expression" inside {@code orQueries} is refused before the engine sees it.
 */
class ExpressionInOrQueriesFilter extends OncePerRequestFilter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())) {
            if (queryStringCarriesOrExpression(request)) {
                refuse(response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (carriesOrExpression(body)) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReplayedBodyRequest(request, body), response);
    }

    private boolean queryStringCarriesOrExpression(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().startsWith("orQueries")) {
                for (String value : parameter.getValue()) {
                    if (carriesOrExpression(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) || value.contains("Expression")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean carriesOrExpression(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        try {
            return containsOrExpression(json.readTree(body), false);
        } catch (JsonProcessingException notJson) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean containsOrExpression(JsonNode node, boolean insideOrQueries) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (insideOrQueries && field.getKey().endsWith("Expression")) {
                    return true;
                }
                if (containsOrExpression(field.getValue(), insideOrQueries || "orQueries".equals(field.getKey()))) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsOrExpression(element, insideOrQueries)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"type\":\"InvalidRequestException\","
                + "\"message\":\"Expressions are not allowed in orQueries\"}");
    }
}
