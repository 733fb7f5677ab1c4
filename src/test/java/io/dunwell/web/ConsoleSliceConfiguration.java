package io.dunwell.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The real helpers the console's controllers use beside their mocked services. */
@TestConfiguration(proxyBeanMethods = false)
@Import(ScriptJson.class)
class ConsoleSliceConfiguration {

    /** Late evening in UTC: in Pacific/Auckland it is already the next day. */
    static final Instant NOW = Instant.parse("2026-03-02T20:00:00Z");

    /**
     * A fixed clock of its own: the application's SharedClock moves Camunda's static ClockUtil,
     * which the integration tests in the same JVM read.
     */
    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
