package io.dunwell.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who notices come from, and how long a process step keeps retrying a mail the SMTP server
 * refused: {@code retryIntervals} are the waits before the 2nd, 3rd, … attempt ({@link MailRetry}).
 */
@ConfigurationProperties("dunwell.mail")
record MailProperties(@DefaultValue("Dunwell Collections <collections@dunwell.local>") String from,
                      @DefaultValue(MailRetry.DEFAULT_INTERVALS) List<Duration> retryIntervals) {
}
