package io.dunwell.worklist;

/**
 * What the work form shows about the account at hand, as display strings (Markdown for form-js's
 * text views): who to call, what is unpaid, what happened lately, and where in the session the agent is.
 */
public record AccountSheet(String customerName, String customerNumber, String contact, String amountOwed,
                           String unpaidInvoices, String recentTimeline, String position, String sessionLink) {
}
