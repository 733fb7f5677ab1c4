Guten Tag ${customerName},

nach unseren Unterlagen sind die folgenden Rechnungen noch offen. Sicher ist die
Zahlung nur übersehen worden, daher möchten wir Sie freundlich daran erinnern.

<#list invoices as invoice>
- Rechnung ${invoice.number}, fällig am ${invoice.dueDate} (${invoice.daysOverdue} Tage überfällig): ${invoice.openAmount}
</#list>

Gesamtbetrag: ${total}

Bitte überweisen Sie den Gesamtbetrag in den nächsten Tagen. Falls Sie bereits
gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos – vielen Dank.

Bei Fragen zu diesen Rechnungen antworten Sie einfach auf diese E-Mail.

Mit freundlichen Grüßen
Ihre Debitorenbuchhaltung
