package io.dunwell.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.dunwell.system.security.Roles;

/** The console's front page: where everything is, showing only what the user's role opens. */
@Controller
class HomeController {

    private final RoleHierarchy roles;

    HomeController(RoleHierarchy roles) {
        this.roles = roles;
    }

    @GetMapping("/")
    String home(Authentication user, Model model) {
        // the hierarchy makes an admin a supervisor too; the servlet's isUserInRole does not know it
        Set<String> granted = roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        model.addAttribute("user", user.getName());
        model.addAttribute("supervisor", granted.contains("ROLE_" + Roles.SUPERVISOR));
        model.addAttribute("admin", granted.contains("ROLE_" + Roles.ADMIN));
        return "home";
    }
}
