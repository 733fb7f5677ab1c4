package io.dunwell.agent;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * Whom an agent's escalations go to: a supervisor's user id, kept as Camunda user info so it lives
 * with the user in Camunda Admin's database. An agent without one escalates to the supervisors group.
 */
@Service
public class EscalationPoints {

    static final String KEY = "escalationPoint";

    private final IdentityService identity;

    EscalationPoints(IdentityService identity) {
        this.identity = identity;
    }

    /** Sets the agent's escalation point, or removes it with null. */
    public void set(String agentId, String supervisorId) {
        if (supervisorId == null) {
            identity.deleteUserInfo(agentId, KEY);
        } else {
            identity.setUserInfo(agentId, KEY, supervisorId);
        }
    }

    /** The agent's escalation point; empty for no agent or an agent without one. */
    public Optional<String> of(String agentId) {
        return agentId == null ? Optional.empty() : Optional.ofNullable(identity.getUserInfo(agentId, KEY));
    }
}
