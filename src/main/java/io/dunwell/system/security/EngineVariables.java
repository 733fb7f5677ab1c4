package io.dunwell.system.security;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the engine's REST API may never write into a process, for any role: the variables that
 * identify a case or count towards its escalation (only the process's own delegates write those,
 * so a completed call can neither move to another account nor reset its attempts), and values the
 * engine would turn into a 500 or into code: serialized Java objects, files, texts past its column.
 */
final class EngineVariables {

    /** Written by delegates alone; names ending in Id or Attempts are too (accountId, caseId, callAttempts, ...). */
    private static final Set<String> WRITTEN_BY_THE_PROCESS = Set.of(TaskAccess.REQUESTED_BY, "approverGroup", "brokenPromises",
            "installmentNumber", "noticeLevel", "noticesSent", "nextStep", "nextCheckAt", "lastNoticeAt");
    private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "short", "integer", "long", "double", "date",
            "null", "json");

    private EngineVariables() {
    }

    static boolean isProtected(String name) {
        return WRITTEN_BY_THE_PROCESS.contains(name) || name.endsWith("Id") || name.endsWith("Attempts");
    }

    /** Why the value of {@code name} cannot be set, if it cannot: {@code {"value": ..., "type": ...}} as the engine takes it. */
    static Optional<String> problemWithValue(String name, JsonNode variable) {
        if (!variable.isObject()) {
            return Optional.empty(); // not the engine's shape: the engine answers its own 400
        }
        String type = variable.path("type").asText("String").toLowerCase();
        if (!PLAIN_TYPES.contains(type)) {
            return Optional.of("'" + name + "' must be a plain value (String, Boolean, a number, Date, Json), not " + type);
        }
        JsonNode value = variable.get("value");
        String text = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
        if (text.length() > EngineRestGuard.MAX_TEXT) {
            return Optional.of("'" + name + "' is longer than " + EngineRestGuard.MAX_TEXT + " characters");
        }
        return Optional.empty();
    }
}
