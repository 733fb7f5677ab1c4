package io.dunwell.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.dunwell.demo.MailCatcher;

/**
 * The demo's inbox: what the built-in mail catcher received. In production there is no catcher
 * and the page says where mail goes instead.
 */
@Controller
class MailController {

    private final ObjectProvider<MailCatcher> catcher;
    private final Environment environment;

    MailController(ObjectProvider<MailCatcher> catcher, Environment environment) {
        this.catcher = catcher;
        this.environment = environment;
    }

    @GetMapping("/mail")
    String inbox(@RequestParam(required = false) String id, Model model) {
        MailCatcher mailCatcher = catcher.getIfAvailable();
        model.addAttribute("catcherOn", mailCatcher != null);
        model.addAttribute("smtp", environment.getProperty("spring.mail.host") + ":" + environment.getProperty("spring.mail.port"));
        if (mailCatcher != null) {
            model.addAttribute("messages", mailCatcher.messages());
            if (id != null) {
                model.addAttribute("selected", mailCatcher.message(id)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mail")));
            }
        }
        return "mail";
    }
}
