package io.dunwell.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Who notices come from. */
@ConfigurationProperties("dunwell.mail")
record MailProperties(@DefaultValue("Dunwell Collections <collections@dunwell.local>") String from) {
}
