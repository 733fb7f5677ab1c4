package io.dunwell.followup;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dunwell.follow-ups.*}: the local time (in the account's zone) reminder and due mails go out on their day. */
@ConfigurationProperties("dunwell.follow-ups")
record FollowUpProperties(@DefaultValue("08:00") LocalTime notifyAt) {
}
