package io.dunwell.notification;

import java.time.Instant;

/**
 * What the dashboard and the metrics say about mail delivery: {@code waiting} mails the SMTP server
 * refused at least once and that are still to be sent (their steps keep retrying), the oldest of
 * them queued {@code waitingSince} (null when none waits), and {@code failed} mails whose steps ran
 * out of retries ({@link FailedNotices}).
 */
public record MailOutage(long waiting, Instant waitingSince, int failed) {

    /** Mail is not going out, or some mail never will unless someone retries it. */
    public boolean isShown() {
        return waiting > 0 || failed > 0;
    }
}
