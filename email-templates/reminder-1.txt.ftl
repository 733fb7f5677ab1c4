Dear ${customerName},

Our records show that the following invoices are still unpaid. This may simply
have been overlooked, so we are sending you this friendly reminder.

<#list invoices as invoice>
- Invoice ${invoice.number}, due ${invoice.dueDate} (${invoice.daysOverdue} days overdue): ${invoice.openAmount}
</#list>

Total due: ${total}

Please pay the total at your earliest convenience. If you have already paid,
please disregard this message — thank you.

If you have any questions about these invoices, simply reply to this email.

Kind regards,
Accounts Receivable
