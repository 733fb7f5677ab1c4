package io.dunwell.system.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the role groups exist with the Camunda authorizations their roles need. Agents get
 * Tasklist; supervisors also Cockpit and every task; admins (camunda-admin) get everything from
 * the starter. Nobody but admins may deploy or create Tasklist filters: both can carry expressions.
 * Idempotent, so every node may run it at every start.
 */
@Component
class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void ensureRoleGroups() {
        ensureGroup(Roles.AGENTS_GROUP, "Collection agents");
        ensureGroup(Roles.SUPERVISORS_GROUP, "Collection supervisors");
        ensureGroup(Roles.INTEGRATIONS_GROUP, "Billing system integrations");
        for (String group : new String[] {Roles.AGENTS_GROUP, Roles.SUPERVISORS_GROUP}) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_TASK);
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
        }
        grant(Roles.SUPERVISORS_GROUP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.SUPERVISORS_GROUP, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.TASK_ASSIGN,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant(Roles.SUPERVISORS_GROUP, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(Roles.SUPERVISORS_GROUP, Resources.TASK, ANY, Permissions.READ, TaskPermissions.UPDATE, TaskPermissions.TASK_ASSIGN);
        grant(Roles.SUPERVISORS_GROUP, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    /**
     * Adds what is missing to the group's grant on the resource (there is one grant per group and
     * resource), so a role that needs more than another on the same resource gets all of it.
     */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(group).authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
        if (grant == null) {
            grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            missing |= !grant.isPermissionGranted(permission);
            grant.addPermission(permission);
        }
        if (missing) {
            authorizations.saveAuthorization(grant);
        }
    }
}
