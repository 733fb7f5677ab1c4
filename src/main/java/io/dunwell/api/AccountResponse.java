package io.dunwell.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.dunwell.account.Account;
import io.dunwell.account.ContactPreferences;
import io.dunwell.invoice.Balances;

/** Amounts are strings with the currency's decimals, so no client rounds them through a double. */
record AccountResponse(String externalId, String name, String email, String phone, String locale, String timeZone,
                       String currency, String segment, String balance, String overdueBalance, String unappliedCredit,
                       int openInvoiceCount, LocalDate oldestUnpaidDueDate, long oldestDaysPastDue,
                       String collectionStatus, String collectionStage, Set<String> flags, boolean frozen,
                       boolean dunningExempt, LocalDate dunningPausedUntil, String agent, OpenCase openCase,
                       Instant createdAt, Instant updatedAt, ContactPreferences contactPreferences) {

    record OpenCase(String processInstanceId, String processDefinitionKey, List<String> currentSteps) {
    }

    static AccountResponse of(Account a, Balances b, OpenCase openCase) {
        return new AccountResponse(a.getExternalId(), a.getName(), a.getEmail(), a.getPhone(), a.getLocale(), a.getTimeZone(),
                a.getCurrency(), a.getSegment(), b.openBalance().toPlainString(), b.overdueBalance().toPlainString(),
                b.unappliedCredit().toPlainString(), b.openInvoiceCount(), b.oldestUnpaidDueDate(), b.daysPastDue(),
                a.getCollectionStatus(), a.getCollectionStage(), a.getFlags(), a.isFrozen(), a.isDunningExempt(),
                a.getDunningPausedUntil(), a.getAssignedAgent(), openCase, a.getCreatedAt(), a.getUpdatedAt(),
                a.contactPreferences());
    }
}
