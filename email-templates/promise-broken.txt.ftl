Dear ${customerName},

We have not received the installment of ${amount} that was due on ${dueDate},
so your promise to pay has not been kept. A member of our collections team will
be in touch with you shortly.

These invoices remain unpaid:

<#list invoices as invoice>
- Invoice ${invoice.number}, due ${invoice.dueDate} (${invoice.daysOverdue} days overdue): ${invoice.openAmount}
</#list>

Total due: ${total}

If you have paid in the meantime, or something prevents you from paying, please
reply to this email.

Kind regards,
Accounts Receivable
