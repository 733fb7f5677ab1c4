package io.dunwell.notes;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import io.dunwell.agent.Agents;
import io.dunwell.system.security.Roles;

/** Who may be mentioned in a note: a Camunda user in the agents group whose agent profile is active. */
@Component
class Mentionable {

    private final IdentityService identity;
    private final Agents agents;

    Mentionable(IdentityService identity, Agents agents) {
        this.identity = identity;
        this.agents = agents;
    }

    Optional<User> active(String userId) {
        return Optional.ofNullable(identity.createUserQuery().userId(userId).memberOfGroup(Roles.AGENTS_GROUP).singleResult())
                .filter(user -> agents.isActive(user.getId()));
    }
}
