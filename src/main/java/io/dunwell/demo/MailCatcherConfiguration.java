package io.dunwell.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.dunwell.notification.MailCatcher;

/**
 * A real SMTP server inside the demo, listening where {@code spring.mail.*} sends, so reminders
 * go over the wire as in production and nobody needs a mail server to try Dunwell. It stays off
 * when spring.mail.host names another machine: then mail is meant to leave the app.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("dunwell.demo.enabled")
@ConditionalOnBooleanProperty(name = "dunwell.demo.mail-catcher.enabled", matchIfMissing = true)
@Conditional(MailCatcherConfiguration.MailHostIsThisMachine.class)
class MailCatcherConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail mailCatcherServer(MailProperties mail) {
        int port = Objects.requireNonNullElse(mail.getPort(), ServerSetup.PORT_SMTP);
        requireFree(mail.getHost(), port);
        return new GreenMail(new ServerSetup(port, mail.getHost(), ServerSetup.PROTOCOL_SMTP));
    }

    /** A second demo on this machine: one clear line (MailCatcherPortTakenAnalyzer), not GreenMail's bind stack trace. */
    private static void requireFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException taken) {
            throw new MailCatcherPortTakenException(host, port);
        }
    }

    @Bean
    MailCatcher mailCatcher(GreenMail mailCatcherServer) {
        return new MailCatcher(mailCatcherServer);
    }

    static class MailHostIsThisMachine extends SpringBootCondition {

        private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "::1");

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String host = context.getEnvironment().getProperty("spring.mail.host");
            ConditionMessage.Builder message = ConditionMessage.forCondition("Mail catcher");
            return host != null && THIS_MACHINE.contains(host.trim().toLowerCase())
                    ? ConditionOutcome.match(message.because("spring.mail.host is " + host))
                    : ConditionOutcome.noMatch(message.because("spring.mail.host is " + host + ", not this machine"));
        }
    }
}
