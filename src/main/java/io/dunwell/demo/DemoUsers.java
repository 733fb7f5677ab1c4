package io.dunwell.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import io.dunwell.agent.EscalationPoints;
import io.dunwell.system.security.Roles;

/**
 * The people of the demo, one per role: two agents who escalate to the supervisor, the
 * supervisor and the billing system's machine user, all with the demo password. A user who exists already is left as it is, so a
 * password changed in Camunda Admin survives a restart.
 */
class DemoUsers {

    /** {@code escalationPoint}: whom the user's escalations go to, or null for the supervisors group. */
    private record DemoUser(String id, String firstName, String lastName, String group, String escalationPoint) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "Alice", "Agent", Roles.AGENTS_GROUP, "sarah"),
            new DemoUser("bob", "Bob", "Agent", Roles.AGENTS_GROUP, "sarah"),
            new DemoUser("sarah", "Sarah", "Supervisor", Roles.SUPERVISORS_GROUP, null),
            new DemoUser("billing", "Billing", "System", Roles.INTEGRATIONS_GROUP, null));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;
    private final EscalationPoints escalationPoints;
    private final String password;

    DemoUsers(IdentityService identity, EscalationPoints escalationPoints, DemoProperties properties) {
        this.identity = identity;
        this.escalationPoints = escalationPoints;
        this.password = properties.password();
    }

    /** After IdentityBootstrap (order 0) has created the role groups. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void ensureUsers() {
        USERS.forEach(this::ensure);
    }

    private void ensure(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@dunwell.local");
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Created demo user {} in group {}", demo.id(), demo.group());
        }
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
            identity.createMembership(demo.id(), demo.group());
        }
        if (demo.escalationPoint() != null && escalationPoints.of(demo.id()).isEmpty()) {
            escalationPoints.set(demo.id(), demo.escalationPoint());
        }
    }
}
