package io.dunwell.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.dunwell.notification.FailedNotices;

/** The dashboard's "Retry all failed mail" button (admins): one click instead of one retry per incident in Cockpit. */
@Controller
class MailOutageController {

    private final FailedNotices failedNotices;

    MailOutageController(FailedNotices failedNotices) {
        this.failedNotices = failedNotices;
    }

    @PostMapping("/mail/retry-failed")
    String retryFailed(RedirectAttributes redirect) {
        redirect.addFlashAttribute("mailRetried", failedNotices.retryAll());
        return "redirect:/";
    }
}
