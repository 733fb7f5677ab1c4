package io.dunwell.dunning.process;

/** The variables of {@code DunningRunProcess}. */
public final class DunningRunVariables {

    public static final String PROCESS_KEY = "DunningRunProcess";
    /** Starts a run outside the schedule (POST /api/v1/dunning-runs). */
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
