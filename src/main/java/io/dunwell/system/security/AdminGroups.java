package io.dunwell.system.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps camunda-admin ({@link Roles#ADMINS_GROUP}) the admins' group on either engine. It is Camunda 7's
 * built-in admin group; Operaton's is operaton-admin. An installation that moves to Operaton keeps its
 * database and so its admins in camunda-admin, and Dunwell's roles and approval tables name that group:
 * the engine must take its members for admins. The engine's built-in group needs a member too, or the
 * Admin webapp offers its first-user setup, which nobody may use. So each of the two groups that has
 * nobody in it gets the configured admin user: on a new Operaton database the starter puts that user in
 * operaton-admin only, on a moved one nobody is in operaton-admin. On Camunda 7 the two are one group the
 * starter already filled, and nothing changes. Runs after the starter's own admin user plugin (no order).
 */
@Component
class AdminGroups extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(AdminGroups.class);

    private final String adminUser;

    AdminGroups(CamundaBpmProperties properties) {
        this.adminUser = properties.getAdminUser() == null ? null : properties.getAdminUser().getId();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine adds its built-in group to these when it initialises
        List<String> groups = configuration.getAdminGroups() == null ? new ArrayList<>() : new ArrayList<>(configuration.getAdminGroups());
        if (!groups.contains(Roles.ADMINS_GROUP)) {
            groups.add(Roles.ADMINS_GROUP);
        }
        configuration.setAdminGroups(groups);
        // each engine's default pattern for ids allows its own admin group's id only
        String groupIds = groupIdPattern(configuration);
        if (!Roles.ADMINS_GROUP.matches(groupIds)) {
            configuration.setGroupResourceWhitelistPattern(groupIds + "|" + Roles.ADMINS_GROUP);
        }
    }

    /** The pattern group ids must match: the one for groups if set, else the general one, as the engine reads them. */
    private static String groupIdPattern(ProcessEngineConfigurationImpl configuration) {
        String groups = configuration.getGroupResourceWhitelistPattern();
        return groups == null || groups.isEmpty() ? configuration.getGeneralResourceWhitelistPattern() : groups;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        if (adminUser == null || identity.createUserQuery().userId(adminUser).count() == 0) {
            return;
        }
        Stream.of(Roles.ADMINS_GROUP, Groups.CAMUNDA_ADMIN).distinct()
                .filter(group -> identity.createUserQuery().memberOfGroup(group).count() == 0)
                .forEach(group -> {
                    if (identity.createGroupQuery().groupId(group).count() == 0) {
                        Group created = identity.newGroup(group);
                        created.setName("Administrators");
                        created.setType(Groups.GROUP_TYPE_SYSTEM);
                        identity.saveGroup(created);
                    }
                    identity.createMembership(adminUser, group);
                    log.info("Made {} a member of the admin group {}, which had nobody in it", adminUser, group);
                });
    }
}
