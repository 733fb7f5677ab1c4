package io.dunwell.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.dunwell.system.security.Roles;

/** Puts the signed-in user and what their role opens into a page's model. */
@Component
class SignedIn {

    private final RoleHierarchy roles;

    SignedIn(RoleHierarchy roles) {
        this.roles = roles;
    }

    void describe(Authentication user, Model model) {
        // the hierarchy makes an admin a supervisor too; the servlet's isUserInRole does not know it
        Set<String> granted = roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        model.addAttribute("user", user.getName());
        model.addAttribute("supervisor", granted.contains("ROLE_" + Roles.SUPERVISOR));
        model.addAttribute("admin", granted.contains("ROLE_" + Roles.ADMIN));
    }
}
