package io.dunwell.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.dunwell.notification.MailCatcher;
import io.dunwell.notification.DevelopmentChannelProvider;

/**
 * The demo's inbox: what the built-in mail catcher received. In production there is no catcher
 * and the page says where mail goes instead.
 */
@Controller
class MailController {

    private final ObjectProvider<MailCatcher> catcher;
    private final Environment environment;

    private final ObjectProvider<DevelopmentChannelProvider> smsAndVoice;

    MailController(ObjectProvider<MailCatcher> catcher, Environment environment, ObjectProvider<DevelopmentChannelProvider> smsAndVoice) {
        this.smsAndVoice = smsAndVoice;
        this.catcher = catcher;
        this.environment = environment;
    }

    @GetMapping("/mail")
    String inbox(@RequestParam(required = false) String id, Model model) {
        MailCatcher mailCatcher = catcher.getIfAvailable();
        model.addAttribute("catcherOn", mailCatcher != null);
        // with a real SMS provider configured there is nothing to show here
        smsAndVoice.ifAvailable(provider -> model.addAttribute("smsDeliveries", provider.deliveries(100)));
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
