package io.dunwell.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link OutboxSweep}, the sender of what no caller sends and the retry of what a server refused. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxScheduling {
}
