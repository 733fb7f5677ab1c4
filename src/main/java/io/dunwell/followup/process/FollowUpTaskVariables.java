package io.dunwell.followup.process;

/** The variables of {@code FollowUpTaskProcess}: ids, what the timers and the gateway read, and what the form shows. */
public final class FollowUpTaskVariables {

    public static final String PROCESS_KEY = "FollowUpTaskProcess";
    public static final String USER_TASK = "Task_FollowUp";

    public static final String FOLLOW_UP_TASK_ID = "followUpTaskId";
    /** Who Task_FollowUp is assigned to; the escalation reassigns the open task without changing it. */
    public static final String ASSIGNEE = "assignee";
    /** Instants of the reminder and due mails: the dates at {@code dunwell.follow-ups.notify-at} in the account's zone. */
    public static final String REMINDER_AT = "reminderAt";
    public static final String DUE_AT = "dueAt";
    public static final String AUTO_ESCALATE = "autoEscalate";

    // shown by the form and the task's name
    public static final String FOLLOW_UP_NAME = "followUpName";
    public static final String DESCRIPTION = "description";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_NUMBER = "customerNumber";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String DUE_DATE = "dueDate";
    public static final String CONSOLE_LINK = "consoleLink";

    // the form's inputs
    /** {@code completed} or {@code closed}. */
    public static final String OUTCOME = "followUpOutcome";
    public static final String NOTE = "followUpNote";

    /** Set by Task_EscalateFollowUp: the escalation point, or null when the supervisors group took it over. */
    public static final String ESCALATED_TO = "escalatedTo";

    private FollowUpTaskVariables() {
    }
}
