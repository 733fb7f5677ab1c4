Dear ${customerName},

Please find attached your statement of account as of ${today}. It lists every
invoice that is still open:

<#list invoices as invoice>
- Invoice ${invoice.number}, due ${invoice.dueDate} (${invoice.daysOverdue} days overdue): ${invoice.openAmount}
</#list>

Total open: ${total}

Paying the total brings your account up to date. If you have already paid,
thank you — please disregard this message.

If anything on the statement looks wrong to you, simply reply to this email.

Kind regards,
Accounts Receivable
