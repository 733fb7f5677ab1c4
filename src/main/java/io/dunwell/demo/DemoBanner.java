package io.dunwell.demo;

import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import io.dunwell.notification.MailCatcher;

/** Tells a newcomer, once the demo is up, where everything is and how to sign in. */
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final AdminUserProperty admin;
    private final String password;
    private final ObjectProvider<MailCatcher> mailCatcher;

    DemoBanner(AdminUserProperty admin, DemoProperties properties, ObjectProvider<MailCatcher> mailCatcher) {
        this.admin = admin;
        this.password = properties.password();
        this.mailCatcher = mailCatcher;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void print(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080")
                + environment.getProperty("server.servlet.context-path", "");
        log.info(text(base, environment));
    }

    private String text(String base, Environment environment) {
        String mail = mailCatcher.getIfAvailable() == null
                ? "off (mail goes to " + environment.getProperty("spring.mail.host") + ")"
                : base + "/mail  (SMTP " + environment.getProperty("spring.mail.host") + ":"
                        + environment.getProperty("spring.mail.port") + ")";
        return String.join(System.lineSeparator(), "",
                "----------------------------------------------------------------------",
                "  Dunwell demo is ready",
                "",
                "  Console     " + base + "/",
                "  Tasklist    " + base + "/camunda/app/tasklist/",
                "  Cockpit     " + base + "/camunda/app/cockpit/",
                "  Admin       " + base + "/camunda/app/admin/",
                "  Swagger UI  " + base + "/swagger-ui.html",
                "  Mail        " + mail,
                "",
                "  Sign in as (user / password)",
                "    " + credentials(admin.getId(), admin.getPassword(), "administrator"),
                "    " + credentials("sarah", password, "supervisor"),
                "    " + credentials("alice", password, "collection agent"),
                "    " + credentials("bob", password, "collection agent"),
                "    " + credentials("billing", password, "billing system, for the API"),
                "----------------------------------------------------------------------");
    }

    private static String credentials(String user, String password, String role) {
        return "%-20s %s".formatted(user + " / " + password, role);
    }
}
