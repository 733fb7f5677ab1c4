package io.dunwell.system.security;

import java.util.Map;

/**
 * Dunwell's roles are Camunda groups, managed in Camunda Admin. Admins include supervisors,
 * supervisors include agents (see the role hierarchy in {@link SecurityConfiguration}).
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String AGENT = "AGENT";
    /** The billing system's machine user: may push accounts, invoices, payments and credit notes. */
    public static final String INTEGRATION = "INTEGRATION";

    public static final String ADMINS_GROUP = "camunda-admin";
    public static final String SUPERVISORS_GROUP = "supervisors";
    public static final String AGENTS_GROUP = "agents";
    public static final String INTEGRATIONS_GROUP = "integrations";

    static final Map<String, String> ROLE_OF_GROUP = Map.of(
            ADMINS_GROUP, ADMIN,
            SUPERVISORS_GROUP, SUPERVISOR,
            AGENTS_GROUP, AGENT,
            INTEGRATIONS_GROUP, INTEGRATION);

    private Roles() {
    }
}
