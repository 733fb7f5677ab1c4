package io.dunwell.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.dunning.DunningRun;
import io.dunwell.dunning.DunningRun.StartedRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Starts the dunning run now: the same run the schedule starts. */
@RestController
@RequestMapping("/api/v1/dunning-runs")
@Tag(name = "Dunning runs")
class DunningRunController {

    private final DunningRun run;

    DunningRunController(DunningRun run) {
        this.run = run;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a dunning run now; its partitions open the cases in the background (see the run in Cockpit under its id)")
    StartedRun start() {
        return run.start();
    }
}
