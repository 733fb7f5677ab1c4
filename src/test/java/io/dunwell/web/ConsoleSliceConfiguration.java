package io.dunwell.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.dunwell.reporting.AccountFilters;
import io.dunwell.reporting.ConsoleFigures;
import io.dunwell.reporting.RecentFigures;

/** The real helpers the console's controllers use beside their mocked services (the filter factory reads the mocked settings). */
@TestConfiguration(proxyBeanMethods = false)
@Import({ScriptJson.class, AccountFilters.class})
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

    /** Figures computed afresh on every request, so each test sees its own mocks' numbers. */
    @Bean
    RecentFigures recentFigures(Clock clock) {
        return new RecentFigures(new ConsoleFigures(Duration.ZERO), clock);
    }
}
