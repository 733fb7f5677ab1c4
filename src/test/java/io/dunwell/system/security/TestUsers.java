package io.dunwell.system.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * One user per role, created in Camunda's identity service the way an admin would in Camunda
 * Admin. Idempotent: every test class sharing the cached context may call it.
 */
public final class TestUsers {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";
    static final String AGENT = "securityagent";
    static final String SUPERVISOR = "securitysupervisor";
    static final String INTEGRATION = "securityintegration";
    /** Types wrong passwords; a user of its own, so the sign-in throttle's wait it may earn keeps nobody else waiting. */
    static final String CLUMSY = "securityclumsy";
    public static final String PASSWORD = "correct-horse-battery";

    private TestUsers() {
    }

    static void ensureExist(IdentityService identity) {
        ensure(identity, AGENT, Roles.AGENTS_GROUP);
        ensure(identity, SUPERVISOR, Roles.SUPERVISORS_GROUP);
        ensure(identity, INTEGRATION, Roles.INTEGRATIONS_GROUP);
        ensure(identity, CLUMSY, Roles.AGENTS_GROUP);
    }

    /** Makes a user with the test password who is a member of the group; other modules' tests use it too. */
    public static void ensure(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setEmail(id + "@dunwell.test");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }
}
