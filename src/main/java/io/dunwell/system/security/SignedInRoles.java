package io.dunwell.system.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Which of Dunwell's roles a signed-in user holds, through the role hierarchy: an admin is a
 * supervisor too, which the servlet's {@code isUserInRole} does not know. The one place pages ask.
 */
@Component
public class SignedInRoles {

    private final RoleHierarchy hierarchy;

    SignedInRoles(RoleHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    public boolean isSupervisor(Authentication user) {
        return holds(user, Roles.SUPERVISOR);
    }

    public boolean isAdmin(Authentication user) {
        return holds(user, Roles.ADMIN);
    }

    private boolean holds(Authentication user, String role) {
        if (user == null) {
            return false;
        }
        Set<String> granted = hierarchy.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return granted.contains("ROLE_" + role);
    }
}
