package io.dunwell.dunning.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is working a task: the user the engine authenticated for this call (Tasklist sets it). */
final class Agents {

    static final String UNKNOWN = "unknown";

    private Agents() {
    }

    static String current(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? UNKNOWN : authentication.getUserId();
    }
}
