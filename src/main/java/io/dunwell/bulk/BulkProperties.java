package io.dunwell.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param messagesPerMinute messages a bulk message hands to each channel (email, SMS, voice) per
 *                          minute at most, unless the request overrides the limit; the rest wait,
 *                          queued, for a later minute
 * @param maxAccounts       the most accounts one request may cover
 */
@ConfigurationProperties("dunwell.bulk")
record BulkProperties(@DefaultValue("60") int messagesPerMinute, @DefaultValue("10000") int maxAccounts) {
}
