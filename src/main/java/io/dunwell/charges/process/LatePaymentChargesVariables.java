package io.dunwell.charges.process;

/** The names of {@code LatePaymentChargesProcess}. */
public final class LatePaymentChargesVariables {

    public static final String PROCESS_KEY = "LatePaymentChargesProcess";
    /** Starts a run outside the schedule (POST /api/v1/late-charges/runs). */
    public static final String MSG_RUN_REQUESTED = "Msg_LateChargesRunRequested";
    /** Set by Task_BookLateCharges: how many charges the run booked. */
    public static final String CHARGES_BOOKED = "chargesBooked";

    private LatePaymentChargesVariables() {
    }
}
