package io.dunwell.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.dunwell.notification.MailCatcher;

/**
 * The demo a newcomer gets from {@code mvn spring-boot:run}: users, a few hundred accounts and a
 * mail catcher. All of it is off in the {@code postgres} profile.
 *
 * @param enabled     demo users, demo data and the banner
 * @param accounts    how many demo accounts to create when the database has none
 * @param password    the password of the demo users alice, bob, sarah and billing
 * @param seed        the random seed: the same seed gives the same customers and invoices
 * @param mailCatcher the SMTP server inside the app that catches every mail sent
 */
@ConfigurationProperties(prefix = "dunwell.demo")
public record DemoProperties(boolean enabled, @DefaultValue("300") int accounts, @DefaultValue("demo") String password,
                             @DefaultValue("20240601") long seed, @DefaultValue MailCatcher mailCatcher) {

    /** @param enabled starts only while spring.mail.host is this machine; set false to send through a real server */
    public record MailCatcher(@DefaultValue("true") boolean enabled) {
    }
}
