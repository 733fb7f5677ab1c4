package io.dunwell.bulk.process;

/**
 * The variables of {@code MoneyMoveApprovalProcess}: the run's id, who asked and who approves (set
 * by Task_PrepareApproval), the few display strings the approval form shows, and the form's answer.
 * {@code requestedBy} and {@code approverGroup} are {@link io.dunwell.approval.ApprovalVariables}.
 */
public final class MoneyMoveApprovalVariables {

    public static final String PROCESS_KEY = "MoneyMoveApprovalProcess";
    public static final String APPROVAL_TASK = "Task_ApproveMoneyMove";

    public static final String BULK_ACTION_ID = "bulkActionId";

    // display only
    public static final String MONEY_MOVE = "moneyMove";
    public static final String MONEY_MOVE_SUMMARY = "moneyMoveSummary";
    public static final String CONSOLE_LINK = "consoleLink";

    // the approver's answer, as the form submits it
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_NOTE = "approvalNote";
    public static final String APPROVE = "approve";

    private MoneyMoveApprovalVariables() {
    }

    /** The business key of a run's approval: one per run. */
    public static String businessKeyOf(Long bulkActionId) {
        return "bulk-action-" + bulkActionId;
    }
}
