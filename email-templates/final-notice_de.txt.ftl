Guten Tag ${customerName},

trotz unserer bisherigen Erinnerungen sind die folgenden Rechnungen weiterhin offen.

<#list invoices as invoice>
- Rechnung ${invoice.number}, fällig am ${invoice.dueDate} (${invoice.daysOverdue} Tage überfällig): ${invoice.openAmount}
</#list>

Gesamtbetrag: ${total}

Bitte überweisen Sie den Gesamtbetrag innerhalb von 7 Tagen. Geht bis dahin
keine Zahlung ein, übergeben wir Ihr Konto an ein Inkassounternehmen; dadurch
können Ihnen weitere Kosten entstehen.

Können Sie den Betrag derzeit nicht vollständig zahlen oder halten Sie eine
Rechnung für fehlerhaft, antworten Sie bitte umgehend auf diese E-Mail – wir
suchen gern gemeinsam mit Ihnen eine Lösung.

Mit freundlichen Grüßen
Ihre Debitorenbuchhaltung
