Guten Tag ${customerName},

die am ${dueDate} fällige Rate über ${amount} ist bei uns nicht eingegangen.
Damit wurde Ihre Zahlungszusage nicht eingehalten. Ein Mitarbeiter unseres
Forderungsmanagements wird sich in Kürze mit Ihnen in Verbindung setzen.

Diese Rechnungen sind weiterhin offen:

<#list invoices as invoice>
- Rechnung ${invoice.number}, fällig am ${invoice.dueDate} (${invoice.daysOverdue} Tage überfällig): ${invoice.openAmount}
</#list>

Gesamtbetrag: ${total}

Haben Sie inzwischen gezahlt oder hindert Sie etwas an der Zahlung, antworten
Sie bitte auf diese E-Mail.

Mit freundlichen Grüßen
Ihre Debitorenbuchhaltung
