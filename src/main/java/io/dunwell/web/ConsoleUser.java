package io.dunwell.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.dunwell.demo.MailCatcher;
import io.dunwell.system.security.Roles;

/**
 * What the console's layout needs on every page: who is signed in, what their role opens, and
 * whether the demo's mail catcher runs. Only for the console's own controllers, not the API.
 */
@ControllerAdvice(basePackageClasses = ConsoleUser.class)
class ConsoleUser {

    private final RoleHierarchy roles;
    private final ObjectProvider<MailCatcher> mailCatcher;

    ConsoleUser(RoleHierarchy roles, ObjectProvider<MailCatcher> mailCatcher) {
        this.roles = roles;
        this.mailCatcher = mailCatcher;
    }

    @ModelAttribute
    void addTo(Authentication user, Model model) {
        model.addAttribute("mailCatcherOn", mailCatcher.getIfAvailable() != null);
        if (user == null) {
            return;
        }
        // the hierarchy makes an admin a supervisor too; the servlet's isUserInRole does not know it
        Set<String> granted = roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        model.addAttribute("user", user.getName());
        model.addAttribute("supervisor", granted.contains("ROLE_" + Roles.SUPERVISOR));
        model.addAttribute("admin", granted.contains("ROLE_" + Roles.ADMIN));
    }
}
