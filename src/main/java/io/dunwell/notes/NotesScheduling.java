package io.dunwell.notes;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link MentionMails}' sweep of mention mail the SMTP server refused. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotesScheduling {
}
