Dear ${customerName},

Thank you for agreeing to pay ${promiseTotal}. As arranged, we expect the
following installments:

<#list installments as installment>
- Installment ${installment.number}, due ${installment.dueDate}: ${installment.amount}
</#list>

Total promised: ${promiseTotal}

Until they are paid, these invoices remain open:

<#list invoices as invoice>
- Invoice ${invoice.number}, due ${invoice.dueDate} (${invoice.daysOverdue} days overdue): ${invoice.openAmount}
</#list>

Total due: ${total}

As long as each installment arrives by its due date, we will not send you any
further reminders for these invoices.

If anything changes, simply reply to this email.

Kind regards,
Accounts Receivable
