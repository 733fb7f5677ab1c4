package io.dunwell.charges;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import io.dunwell.charges.process.LatePaymentChargesVariables;

/** Starts the charges run now, outside its schedule: the same process, so it shows in Cockpit like a scheduled one. */
@Service
public class LateChargeRuns {

    public record StartedRun(String id) {
    }

    private final RuntimeService runtime;

    LateChargeRuns(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public StartedRun start() {
        ProcessInstance run = runtime.createMessageCorrelation(LatePaymentChargesVariables.MSG_RUN_REQUESTED)
                .correlateStartMessage();
        return new StartedRun(run.getId());
    }
}
