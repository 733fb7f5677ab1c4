package io.dunwell.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import io.dunwell.system.security.Roles;

/** The people accounts can be assigned to: the members of Camunda's agents group. */
@Component
class AgentDirectory {

    public record Agent(String id, String name) {
    }

    private final IdentityService identity;

    AgentDirectory(IdentityService identity) {
        this.identity = identity;
    }

    List<Agent> agents() {
        return identity.createUserQuery().memberOfGroup(Roles.AGENTS_GROUP).orderByUserId().asc().list().stream()
                .map(user -> new Agent(user.getId(), displayName(user.getId(), user.getFirstName(), user.getLastName())))
                .toList();
    }

    boolean isAgent(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(Roles.AGENTS_GROUP).count() > 0;
    }

    private static String displayName(String id, String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? id : name;
    }
}
