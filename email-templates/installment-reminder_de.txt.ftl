Guten Tag ${customerName},

wir möchten Sie freundlich daran erinnern, dass Rate ${installmentNumber} von ${installmentCount} Ihrer
Zahlungsvereinbarung über ${amount} am ${dueDate} fällig wird.

Falls Sie bereits gezahlt haben, betrachten Sie dieses Schreiben bitte als
gegenstandslos – vielen Dank.

Können Sie die Rate nicht rechtzeitig zahlen, antworten Sie bitte vor dem
Fälligkeitstag auf diese E-Mail – wir finden gern gemeinsam eine Lösung.

Mit freundlichen Grüßen
Ihre Debitorenbuchhaltung
