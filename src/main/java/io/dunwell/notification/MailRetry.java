package io.dunwell.notification;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The back-off of every process step that sends mail: its {@code camunda:failedJobRetryTimeCycle}
 * is {@value #EXPRESSION}, which the engine evaluates when the job fails, not when the model is
 * deployed — so {@code dunwell.mail.retry-intervals} takes effect without redeploying a model.
 * The default grows from minutes to hours and keeps a notice retrying for three days, so a day's
 * SMTP outage ends in every notice sent, not in an incident per notice.
 */
@Component("mailRetry")
public class MailRetry {

    /** What a mail-sending task's retry cycle says; {@link FailedNotices} knows the tasks by it. */
    public static final String EXPRESSION = "#{mailRetry.cycle}";

    static final String DEFAULT_INTERVALS = "PT5M,PT15M,PT30M,PT1H,PT2H,PT4H,PT8H,PT12H,PT12H,PT12H,PT12H,PT12H";

    private final List<Duration> intervals;

    MailRetry(MailProperties properties) {
        if (properties.retryIntervals().isEmpty() || properties.retryIntervals().stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("dunwell.mail.retry-intervals needs at least one positive duration, was "
                    + properties.retryIntervals());
        }
        this.intervals = List.copyOf(properties.retryIntervals());
    }

    /** Camunda's list form of a retry cycle, e.g. {@code PT5M,PT15M,PT30M}: one retry after each wait. */
    public String getCycle() {
        return intervals.stream().map(Duration::toString).collect(Collectors.joining(","));
    }

    /** Every attempt of a step, the first and one after each interval. */
    public int attempts() {
        return intervals.size() + 1;
    }

    public List<Duration> intervals() {
        return intervals;
    }

    /** How long a refused mail is retried before its step becomes an incident. */
    public Duration span() {
        return intervals.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
