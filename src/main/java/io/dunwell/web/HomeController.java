package io.dunwell.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: where everything is, for the signed-in user. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Principal user, Model model) {
        model.addAttribute("user", user.getName());
        return "home";
    }
}
