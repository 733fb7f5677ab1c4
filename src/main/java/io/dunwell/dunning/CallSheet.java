package io.dunwell.dunning;

/**
 * What the call form shows about the account, as display strings: the customer, what is owed, the
 * notices already sent and a link to the console. No contact details: the agent opens the console for those.
 *
 * @param agent the account's agent (a Camunda user id), or null for anyone in the agents group
 */
public record CallSheet(String customerName, String customerNumber, String amountOwed, String overdueAmount,
                        String oldestDueDate, int daysPastDue, int openInvoiceCount, String noticesSent,
                        String consoleLink, String agent, int maxCallAttempts) {
}
