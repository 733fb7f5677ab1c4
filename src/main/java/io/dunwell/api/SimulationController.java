package io.dunwell.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.InputDates;
import io.dunwell.system.SharedClock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Moves the clock the domain and the engine share, so a whole journey can be shown in minutes. */
@RestController
@RequestMapping("/api/v1/simulation/clock")
@ConditionalOnProperty(name = "dunwell.simulation.enabled", havingValue = "true")
@Tag(name = "Simulation", description = "Only when dunwell.simulation.enabled=true")
class SimulationController {

    record ClockRequest(Instant now, String advance) {
    }

    record ClockResponse(Instant now) {
    }

    private final SharedClock clock;
    private final ProcessEngineConfigurationImpl engine;

    SimulationController(SharedClock clock, ProcessEngineConfiguration engine) {
        this.clock = clock;
        this.engine = (ProcessEngineConfigurationImpl) engine;
    }

    @GetMapping
    ClockResponse now() {
        return new ClockResponse(clock.instant());
    }

    @PutMapping
    @Operation(summary = "Set the clock ({\"now\": \"2027-01-10T08:00:00Z\"}) or move it on ({\"advance\": \"P1D\"}); it only moves forward")
    ClockResponse move(@RequestBody ClockRequest request) {
        if ((request.now() == null) == (request.advance() == null)) {
            throw new BadRequestException("now", "send exactly one of 'now' (an instant) or 'advance' (a duration such as P1D or PT2H)");
        }
        Instant target = request.now() != null ? request.now() : advanced(request.advance());
        if (InputDates.refusal(target) != null) {
            throw new BadRequestException(request.now() != null ? "now" : "advance",
                    "moves the clock to " + target + ", which " + InputDates.refusal(target));
        }
        if (target.isBefore(clock.instant())) {
            throw new BadRequestException(request.now() != null ? "now" : "advance",
                    "the clock only moves forward; it is " + clock.instant() + " now");
        }
        Instant now = clock.setNow(target);
        // timers that just became due should fire now, not at the executor's next idle poll
        if (engine.getJobExecutor() != null) {
            engine.getJobExecutor().jobWasAdded();
        }
        return new ClockResponse(now);
    }

    private Instant advanced(String amount) {
        Instant now = clock.instant();
        try {
            return now.plus(Duration.parse(amount));
        } catch (DateTimeParseException notADuration) {
            try {
                return now.atZone(ZoneOffset.UTC).plus(Period.parse(amount)).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadRequestException("advance", "'" + amount + "' is not an ISO-8601 duration such as P1D or PT2H");
            } catch (DateTimeException | ArithmeticException beyondTime) {
                throw new BadRequestException("advance", "'" + amount + "' moves the clock beyond the end of time");
            }
        } catch (DateTimeException | ArithmeticException beyondTime) {
            throw new BadRequestException("advance", "'" + amount + "' moves the clock beyond the end of time");
        }
    }
}
