package io.dunwell.dunning.process;

/** The variables of {@code DunningRunProcess}. */
public final class DunningRunVariables {

    public static final String PROCESS_KEY = "DunningRunProcess";
    /** Starts a run on request; the engine allows no none start event beside the timer start event. */
    public static final String MSG_RUN_REQUESTED = "Msg_DunningRunRequested";

    /** The instant the run looks at; every partition uses the same one, whenever its job runs. */
    public static final String RUN_AT = "runAt";
    public static final String PARTITION_COUNT = "partitionCount";
    public static final String PARTITION_SIZE = "partitionSize";
    /** Set by the engine for each instance of the multi-instance task: which partition it is. */
    public static final String LOOP_COUNTER = "loopCounter";

    private DunningRunVariables() {
    }
}
