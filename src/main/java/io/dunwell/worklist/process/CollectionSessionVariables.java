package io.dunwell.worklist.process;

/**
 * The variables of {@code CollectionSessionProcess}: ids, and the few display strings the work
 * form shows for the account at hand — never entities or contact data beyond what the agent calls.
 */
public final class CollectionSessionVariables {

    public static final String PROCESS_KEY = "CollectionSessionProcess";
    public static final String TASK_WORK_ACCOUNT = "Task_WorkAccount";
    public static final String TASK_COMPLETE_SESSION = "Task_CompleteSession";
    /** Ends the session wherever it stands; carries {@link #ABANDONED_BY}. */
    public static final String MSG_SESSION_ABANDONED = "Msg_SessionAbandoned";

    // ids
    public static final String BASKET_ID = "basketId";
    /** The multi-instance task's element variable: the internal id of the account at hand. */
    public static final String ACCOUNT_ID = "accountId";
    public static final String AGENT = "agent";
    /**
     * The basket's first account this session works: 0, or after an abandoned session the number
     * already worked (sessions work in order, so those are the first ones). Fixed for the session:
     * the sequential multi-instance task reads its collection again for every account.
     */
    public static final String FIRST_ACCOUNT_INDEX = "firstAccountIndex";
    /** Who abandoned the session (the message's variable). */
    public static final String ABANDONED_BY = "abandonedBy";

    // the account sheet (display only, local to each account's turn)
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_NUMBER = "customerNumber";
    public static final String CONTACT = "contact";
    public static final String AMOUNT_OWED = "amountOwed";
    public static final String UNPAID_INVOICES = "unpaidInvoices";
    public static final String RECENT_TIMELINE = "recentTimeline";
    public static final String POSITION = "position";
    public static final String SESSION_LINK = "sessionLink";

    // what the agent answers for each account
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_REASON = "outcomeReason";
    public static final String NOTE = "note";

    private CollectionSessionVariables() {
    }
}
