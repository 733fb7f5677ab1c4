package io.dunwell.notes;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import io.dunwell.system.security.Roles;

/** Who may be mentioned in a note: an active agent, a Camunda user. */
@Component
class Agents {

    private final IdentityService identity;

    Agents(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * The user when they are an active agent. Until agents have a profile with an active flag,
     * every member of the agents group counts as active; this is the one place to change.
     */
    Optional<User> active(String userId) {
        return Optional.ofNullable(identity.createUserQuery().userId(userId).memberOfGroup(Roles.AGENTS_GROUP).singleResult());
    }
}
