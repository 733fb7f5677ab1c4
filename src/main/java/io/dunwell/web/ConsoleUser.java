package io.dunwell.web;

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.dunwell.notification.MailCatcher;
import io.dunwell.system.security.SignedInRoles;

/**
 * What the console's layout needs on every page: who is signed in, what their role opens,
 * whether the demo's mail catcher runs, and how amounts are written for this viewer. Only for
 * the console's own controllers, not the API.
 */
@ControllerAdvice(basePackageClasses = ConsoleUser.class)
class ConsoleUser {

    private final SignedInRoles roles;
    private final ObjectProvider<MailCatcher> mailCatcher;

    ConsoleUser(SignedInRoles roles, ObjectProvider<MailCatcher> mailCatcher) {
        this.roles = roles;
        this.mailCatcher = mailCatcher;
    }

    @ModelAttribute
    void addTo(Authentication user, Locale viewer, Model model) {
        model.addAttribute("mailCatcherOn", mailCatcher.getIfAvailable() != null);
        model.addAttribute("amounts", new ConsoleAmounts(viewer));
        if (user == null) {
            return;
        }
        model.addAttribute("user", user.getName());
        model.addAttribute("supervisor", roles.isSupervisor(user));
        model.addAttribute("admin", roles.isAdmin(user));
    }
}
