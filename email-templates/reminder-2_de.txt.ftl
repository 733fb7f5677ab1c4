Guten Tag ${customerName},

wir hatten Sie kürzlich an die folgenden Rechnungen erinnert; eine Zahlung ist
bei uns bisher nicht eingegangen.

<#list invoices as invoice>
- Rechnung ${invoice.number}, fällig am ${invoice.dueDate} (${invoice.daysOverdue} Tage überfällig): ${invoice.openAmount}
</#list>

Gesamtbetrag: ${total}

Bitte überweisen Sie den Gesamtbetrag innerhalb der nächsten 7 Tage. Gibt es
Unklarheiten zu einer Rechnung oder wünschen Sie eine Ratenzahlung, antworten
Sie bitte auf diese E-Mail – wir finden gemeinsam eine Lösung.

Falls Sie inzwischen gezahlt haben, danken wir Ihnen; dieses Schreiben ist dann
gegenstandslos.

Mit freundlichen Grüßen
Ihre Debitorenbuchhaltung
