package io.dunwell.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.dunwell.DunwellIntegrationTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** camunda-admin is the admins' group on Camunda 7 and on Operaton (whose own is operaton-admin) alike. */
@DunwellIntegrationTest
class AdminGroupsTests {

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void theConfiguredAdminIsInCamundaAdminAndInTheEnginesOwnAdminGroup() {
        assertThat(identity.createUserQuery().userId(TestUsers.ADMIN).memberOfGroup(Roles.ADMINS_GROUP).count()).isOne();
        assertThat(identity.createUserQuery().userId(TestUsers.ADMIN).memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
    }

    @Test
    void aMemberOfCamundaAdminMayDoWhatOnlyTheEnginesAdminsMay() {
        identity.setAuthentication("someadmin", List.of(Roles.ADMINS_GROUP));

        assertThat(management.getProperties()).isNotEmpty();
    }

    @Test
    void aSupervisorMayNot() {
        identity.setAuthentication("somesupervisor", List.of(Roles.SUPERVISORS_GROUP));

        assertThatThrownBy(management::getProperties).isInstanceOf(AuthorizationException.class);
    }
}
