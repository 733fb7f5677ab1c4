Dear ${customerName},

We recently reminded you about the invoices below, and we have not yet received
your payment.

<#list invoices as invoice>
- Invoice ${invoice.number}, due ${invoice.dueDate} (${invoice.daysOverdue} days overdue): ${invoice.openAmount}
</#list>

Total due: ${total}

Please pay the total within the next 7 days. If there is a problem with any of
these invoices, or you need to agree a payment plan, please reply to this email
so we can help.

If you have paid in the meantime, thank you, and please disregard this message.

Kind regards,
Accounts Receivable
