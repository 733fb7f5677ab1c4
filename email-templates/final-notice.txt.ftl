Dear ${customerName},

Despite our earlier reminders, the following invoices remain unpaid.

<#list invoices as invoice>
- Invoice ${invoice.number}, due ${invoice.dueDate} (${invoice.daysOverdue} days overdue): ${invoice.openAmount}
</#list>

Total due: ${total}

Please pay the total within 7 days. If we do not receive payment, your account
will be handed over to a collection agency, which may cause additional costs
for you.

If you cannot pay the full amount now, or you believe an invoice is incorrect,
please reply to this email right away — we would much rather find a solution
with you.

Kind regards,
Accounts Receivable
