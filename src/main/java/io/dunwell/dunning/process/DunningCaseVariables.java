package io.dunwell.dunning.process;

/**
 * The variables of {@code DunningCaseProcess}: ids, what gateways and timers read, and the few
 * display strings a Tasklist form shows — never entities or contact details.
 */
public final class DunningCaseVariables {

    public static final String PROCESS_KEY = "DunningCaseProcess";
    public static final String MSG_PAYMENT_RECEIVED = "Msg_PaymentReceived";

    // ids
    public static final String ACCOUNT_ID = "accountId";
    public static final String CASE_ID = "caseId";
    public static final String MESSAGE_ID = "messageId";
    public static final String PROMISE_ID = "promiseId";

    // the notice loop
    public static final String NEXT_STEP = "nextStep";
    public static final String NEXT_CHECK_AT = "nextCheckAt";
    public static final String NOTICE_LEVEL = "noticeLevel";
    public static final String NOTICE_TEMPLATE = "noticeTemplate";
    public static final String ATTACH_STATEMENT = "attachStatement";
    public static final String LAST_NOTICE_AT = "lastNoticeAt";

    // the call sheet (display only)
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_NUMBER = "customerNumber";
    public static final String AMOUNT_OWED = "amountOwed";
    public static final String OVERDUE_AMOUNT = "overdueAmount";
    public static final String OLDEST_DUE_DATE = "oldestDueDate";
    public static final String DAYS_PAST_DUE = "daysPastDue";
    public static final String OPEN_INVOICE_COUNT = "openInvoiceCount";
    public static final String NOTICES_SENT = "noticesSent";
    public static final String CONSOLE_LINK = "consoleLink";
    public static final String AGENT = "agent";

    // the call's outcome, as the call form submits it
    public static final String CALL_OUTCOME = "callOutcome";
    public static final String CALL_NOTE = "callNote";
    public static final String PROMISE_DATE = "promiseDate";
    public static final String PROMISE_AMOUNT = "promiseAmount";
    public static final String INSTALLMENT_COUNT = "installmentCount";
    public static final String INSTALLMENT_INTERVAL = "installmentInterval";
    public static final String DISPUTE_REASON = "disputeReason";
    public static final String CALL_RETRY_DAYS = "callRetryDays";
    public static final String CALL_ATTEMPTS = "callAttempts";
    public static final String MAX_CALL_ATTEMPTS = "maxCallAttempts";

    // promises
    public static final String INSTALLMENT_NUMBER = "installmentNumber";
    public static final String INSTALLMENT_REMINDER_AT = "installmentReminderAt";
    public static final String INSTALLMENT_CHECK_AT = "installmentCheckAt";
    public static final String INSTALLMENT_OUTCOME = "installmentOutcome";
    public static final String BROKEN_PROMISES = "brokenPromises";

    // disputes and escalation
    public static final String DISPUTE_RESOLUTION = "disputeResolution";
    public static final String RESOLUTION_NOTE = "resolutionNote";
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String ESCALATION_ASSIGNEE = "escalationAssignee";
    public static final String ESCALATION_DECISION = "escalationDecision";
    public static final String ESCALATION_NOTE = "escalationNote";
    /** Who recorded the escalation decision: later steps run in jobs, without the reviewer's login. */
    public static final String ESCALATION_DECIDED_BY = "escalationDecidedBy";
    public static final String AGENCY_NAME = "agencyName";
    public static final String WRITE_OFF_AMOUNT = "writeOffAmount";
    public static final String WRITE_OFF_VALUE = "writeOffValue";
    public static final String WRITE_OFF_CURRENCY = "writeOffCurrency";
    /** What WriteOffApproval reads as the run's total: a case writes off one account, so its balance. */
    public static final String WRITE_OFF_TOTAL = "writeOffTotal";
    public static final String WRITE_OFF_APPROVER = "writeOffApprover";
    public static final String WRITE_OFF_DECISION = "writeOffDecision";
    public static final String APPROVAL_NOTE = "approvalNote";

    private DunningCaseVariables() {
    }
}
