package io.dunwell.agent;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.security.Roles;

/**
 * The members of Camunda's agents group, and whether each may take on accounts. Membership is
 * managed in Camunda Admin; being active is Dunwell's own, in {@code agent_profile}.
 */
@Service
public class Agents {

    private final IdentityService identity;
    private final EscalationPoints escalationPoints;
    private final JdbcClient jdbc;
    private final Clock clock;

    Agents(IdentityService identity, EscalationPoints escalationPoints, JdbcClient jdbc, Clock clock) {
        this.identity = identity;
        this.escalationPoints = escalationPoints;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Everyone in the agents group, by id. */
    @Transactional(readOnly = true)
    public List<Agent> list() {
        Set<String> inactive = Set.copyOf(jdbc.sql("select user_id from agent_profile where active = false").query(String.class).list());
        return identity.createUserQuery().memberOfGroup(Roles.AGENTS_GROUP).orderByUserId().asc().list().stream()
                .map(user -> agent(user, !inactive.contains(user.getId())))
                .toList();
    }

    /** The people accounts can be assigned to: the active agents, by id (deactivated ones keep their history, get no new accounts). */
    @Transactional(readOnly = true)
    public List<Agent> active() {
        return list().stream().filter(Agent::active).toList();
    }

    /** The agent's name, deactivated or not (their accounts keep them); the user id when there is no such agent. */
    @Transactional(readOnly = true)
    public String nameOf(String userId) {
        return find(userId).map(Agent::name).orElse(userId);
    }

    @Transactional(readOnly = true)
    public Optional<Agent> find(String userId) {
        return Optional.ofNullable(member(userId)).map(user -> agent(user, isActive(userId)));
    }

    /** An agent without a profile row is active. */
    @Transactional(readOnly = true)
    public boolean isActive(String userId) {
        return jdbc.sql("select active from agent_profile where user_id = ?").param(userId)
                .query(Boolean.class).optional().orElse(true);
    }

    /** For whoever assigns or mentions an agent: refuses a user who is not an active agent. */
    @Transactional(readOnly = true)
    public void requireActive(String userId) {
        if (member(userId) == null) {
            throw new BadRequestException("agent", "'" + userId + "' is not an agent");
        }
        if (!isActive(userId)) {
            throw new BadRequestException("agent", userId + " is deactivated and cannot take on accounts");
        }
    }

    /** Activates or deactivates an agent; deactivating keeps everything they did and were assigned. */
    @Transactional
    public void setActive(String userId, boolean active) {
        requireMember(userId);
        Timestamp deactivatedAt = active ? null : Timestamp.from(clock.instant());
        if (jdbc.sql("update agent_profile set active = ?, deactivated_at = ? where user_id = ?")
                .params(active, deactivatedAt, userId).update() == 0) {
            jdbc.sql("insert into agent_profile (user_id, active, deactivated_at) values (?, ?, ?)")
                    .params(userId, active, deactivatedAt).update();
        }
    }

    /** Sets whom the agent's escalations go to: a supervisor, or null for the supervisors group. */
    public void setEscalationPoint(String userId, String supervisorId) {
        requireMember(userId);
        if (supervisorId != null && !supervisors().stream().map(User::getId).collect(Collectors.toSet()).contains(supervisorId)) {
            throw new BadRequestException("escalationPoint", "'" + supervisorId + "' is not a supervisor");
        }
        escalationPoints.set(userId, supervisorId);
    }

    /** Who an escalation point may be. */
    public List<User> supervisors() {
        return identity.createUserQuery().memberOfGroup(Roles.SUPERVISORS_GROUP).orderByUserId().asc().list();
    }

    private void requireMember(String userId) {
        if (member(userId) == null) {
            throw new NotFoundException("agent " + userId);
        }
    }

    private User member(String userId) {
        return userId == null ? null : identity.createUserQuery().userId(userId).memberOfGroup(Roles.AGENTS_GROUP).singleResult();
    }

    private Agent agent(User user, boolean active) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new Agent(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail(), active,
                escalationPoints.of(user.getId()).orElse(null));
    }
}
