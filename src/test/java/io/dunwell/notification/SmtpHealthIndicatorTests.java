package io.dunwell.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.dunwell.system.monitoring.HealthWarning;

/** The scheduled SMTP check against a server that takes the connection and never greets (and mail settings without timeouts). */
class SmtpHealthIndicatorTests {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSilentServerHoldsUpNeitherTheSchedulerNorTheHealthEndpointAndWarnsOnceItHangsUp() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(silent.getLocalPort());
            SmtpHealthIndicator smtp = new SmtpHealthIndicator(mail, Clock.systemUTC());

            smtp.scheduleCheck();
            smtp.scheduleCheck();
            Socket connection = silent.accept();

            assertThat(smtp.health().getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(smtp.reachable()).isEmpty();

            connection.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> smtp.reachable().isPresent());
            Health health = smtp.health();
            assertThat(health.getStatus()).isEqualTo(HealthWarning.WARNING);
            assertThat(health.getDetails()).containsEntry("location", "127.0.0.1:" + silent.getLocalPort()).containsKey("error");
            assertThat(smtp.reachable()).contains(false);
            smtp.stopChecking();
        }
    }
}
