package io.dunwell.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param messagesPerMinute SMS and voice messages a bulk message sends per minute at most, unless
 *                          the request overrides the limit; the rest wait for a later minute
 * @param maxAccounts       the most accounts one request may cover
 */
@ConfigurationProperties("dunwell.bulk")
record BulkProperties(@DefaultValue("60") int messagesPerMinute, @DefaultValue("10000") int maxAccounts) {
}
