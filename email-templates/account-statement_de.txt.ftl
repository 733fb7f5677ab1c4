Guten Tag ${customerName},

anbei erhalten Sie Ihren Kontoauszug zum ${today}. Er enthält alle noch offenen
Rechnungen:

<#list invoices as invoice>
- Rechnung ${invoice.number}, fällig am ${invoice.dueDate} (${invoice.daysOverdue} Tage überfällig): ${invoice.openAmount}
</#list>

Offen gesamt: ${total}

Mit der Zahlung des Gesamtbetrags ist Ihr Konto ausgeglichen. Falls Sie bereits
gezahlt haben, vielen Dank – betrachten Sie dieses Schreiben bitte als gegenstandslos.

Wenn Ihnen auf dem Auszug etwas nicht stimmig erscheint, antworten Sie einfach auf
diese E-Mail.

Mit freundlichen Grüßen
Ihre Debitorenbuchhaltung
