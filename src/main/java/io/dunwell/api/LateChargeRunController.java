package io.dunwell.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.charges.LateChargeRuns;
import io.dunwell.charges.LateChargeRuns.StartedRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Starts the late-payment charges run now: the same run the schedule starts. */
@RestController
@RequestMapping("/api/v1/late-charges/runs")
@Tag(name = "Late-payment charges")
class LateChargeRunController {

    private final LateChargeRuns runs;

    LateChargeRunController(LateChargeRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Book the late-payment charges now; the run books in the background (see it in Cockpit under its id). "
            + "A period already charged is never charged again")
    StartedRun start() {
        return runs.start();
    }
}
