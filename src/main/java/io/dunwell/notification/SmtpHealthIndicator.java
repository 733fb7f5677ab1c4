package io.dunwell.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.dunwell.system.monitoring.HealthWarning;

/**
 * {@code smtp}, in place of Spring's mail indicator ({@code management.health.mail.enabled=false}),
 * which turned the whole node DOWN while the SMTP server was away although the console, the API and
 * the engine work and every notice waits in the outbox. This one says WARNING then, which the health
 * endpoint answers with 200, and it connects at {@code dunwell.monitoring.refresh-cron}, not when a
 * probe asks, so a hanging server never holds up a health check. The connection test runs on a thread
 * of its own, one at a time: a server that accepts and never answers (and mail settings without
 * timeouts) holds up neither the scheduler's other tasks nor a later check. UNKNOWN before the first check.
 */
@Component
class SmtpHealthIndicator extends AbstractHealthIndicator {

    private record Check(Instant at, String error) {
    }

    private final JavaMailSender mail;
    private final Clock clock;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "smtp-health-check");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Check last;

    SmtpHealthIndicator(JavaMailSender mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    /** Starts a check unless one is still waiting for the server. */
    @Scheduled(cron = "${dunwell.monitoring.refresh-cron:*/30 * * * * *}")
    void scheduleCheck() {
        if (checking.compareAndSet(false, true)) {
            checker.execute(() -> {
                try {
                    check();
                } finally {
                    checking.set(false);
                }
            });
        }
    }

    @PreDestroy
    void stopChecking() {
        checker.shutdownNow();
    }

    /** Connects to the SMTP server now, on the caller's thread, and keeps the outcome. */
    void check() {
        String error = null;
        if (mail instanceof JavaMailSenderImpl server) {
            try {
                server.testConnection();
            } catch (MessagingException | RuntimeException refused) {
                error = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
            }
        }
        last = new Check(clock.instant(), error);
    }

    /** Whether the server answered the last check; empty before the first. */
    Optional<Boolean> reachable() {
        return Optional.ofNullable(last).map(check -> check.error() == null);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Check check = last;
        if (check == null) {
            builder.unknown();
            return;
        }
        builder.status(HealthWarning.when(check.error() != null)).withDetail("checkedAt", check.at().toString());
        if (mail instanceof JavaMailSenderImpl server) {
            builder.withDetail("location", server.getHost() + ":" + server.getPort());
        }
        if (check.error() != null) {
            builder.withDetail("error", check.error());
        }
    }
}
