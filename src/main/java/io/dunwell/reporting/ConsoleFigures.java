package io.dunwell.reporting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How old the console's portfolio-wide figures (the dashboard, the agents' loads) may be, see {@link RecentFigures}.
 *
 * @param maxAge after this a page still shows the figures it has, with their time, and has them recomputed
 *               in the background; zero computes them for every request
 */
@ConfigurationProperties(prefix = "dunwell.console.figures")
public record ConsoleFigures(@DefaultValue("PT5M") Duration maxAge) {

    public ConsoleFigures {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("dunwell.console.figures.max-age must not be negative");
        }
    }
}
