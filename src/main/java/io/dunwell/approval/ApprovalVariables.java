package io.dunwell.approval;

/** Variables every approval user task reads, in whichever process it sits. */
public final class ApprovalVariables {

    /**
     * Who asked for the money move. Set by a delegate before the approval task, never by a form:
     * {@link ApproverIsNotRequesterListener} and the engine's REST guard read it.
     */
    public static final String REQUESTED_BY = "requestedBy";
    /** The requester's role as the decision tables know it: admin, supervisor, agent or none. */
    public static final String REQUESTER_ROLE = "requesterRole";
    /** The Camunda group whose members may approve, or null when the requester's own limits cover it. */
    public static final String APPROVER_GROUP = "approverGroup";

    private ApprovalVariables() {
    }
}
