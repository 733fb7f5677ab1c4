Guten Tag ${customerName},

vielen Dank für Ihre Zusage, ${promiseTotal} zu zahlen. Wie vereinbart erwarten
wir die folgenden Raten:

<#list installments as installment>
- Rate ${installment.number}, fällig am ${installment.dueDate}: ${installment.amount}
</#list>

Zugesagter Betrag: ${promiseTotal}

Bis zu ihrer Zahlung bleiben diese Rechnungen offen:

<#list invoices as invoice>
- Rechnung ${invoice.number}, fällig am ${invoice.dueDate} (${invoice.daysOverdue} Tage überfällig): ${invoice.openAmount}
</#list>

Gesamtbetrag: ${total}

Solange jede Rate bis zu ihrem Fälligkeitstag eingeht, erhalten Sie zu diesen
Rechnungen keine weiteren Erinnerungen.

Sollte sich etwas ändern, antworten Sie einfach auf diese E-Mail.

Mit freundlichen Grüßen
Ihre Debitorenbuchhaltung
