package io.dunwell.dunning;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The Camunda user who completed the task a step runs after: Tasklist authenticates the request with the engine. */
@Component
public class CurrentUser {

    static final String UNKNOWN = "unknown";

    private final IdentityService identity;

    CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    public String id() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? UNKNOWN : authentication.getUserId();
    }
}
