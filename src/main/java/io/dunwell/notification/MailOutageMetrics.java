package io.dunwell.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * An SMTP outage in the metrics, not only in Cockpit: {@code dunwell_mail_outage} is 1 while mail
 * the server refused waits to be sent, and {@code dunwell_notices_failed} counts the mails whose
 * steps ran out of retries. Both are read when scraped.
 */
@Component
class MailOutageMetrics {

    MailOutageMetrics(MeterRegistry registry, MailOutages outages, FailedNotices failed) {
        Gauge.builder("dunwell.mail.outage", outages, o -> o.waiting() > 0 ? 1 : 0)
                .description("1 while mail the SMTP server refused is waiting to be retried").register(registry);
        Gauge.builder("dunwell.notices.failed", failed, FailedNotices::count)
                .description("mails whose process step ran out of retries (an incident each); one action retries them all")
                .register(registry);
    }
}
