package io.dunwell.dunning;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Receivables;
import io.dunwell.notification.Notifications;
import io.dunwell.notification.OutboxMessage;

/** Prepares the call sheet right before an agent calls, so the form shows today's balances. */
@Service
public class CallSheets {

    static final String NO_NOTICES = "none";

    private final Accounts accounts;
    private final Receivables receivables;
    private final Notifications notifications;
    private final DunningPolicy policy;

    CallSheets(Accounts accounts, Receivables receivables, Notifications notifications, DunningPolicy policy) {
        this.accounts = accounts;
        this.receivables = receivables;
        this.notifications = notifications;
        this.policy = policy;
    }

    @Transactional(readOnly = true)
    public CallSheet prepare(Long accountId) {
        Account account = accounts.get(accountId);
        Balances balances = receivables.balancesOf(account);
        return new CallSheet(account.getName(), account.getExternalId(),
                AccountFormats.money(balances.openBalance(), account), AccountFormats.money(balances.overdueBalance(), account),
                AccountFormats.date(balances.oldestUnpaidDueDate(), account), Math.toIntExact(balances.daysPastDue()),
                balances.openInvoiceCount(), noticesSent(account),
                "/console/accounts/" + UriUtils.encodePathSegment(account.getExternalId(), StandardCharsets.UTF_8),
                account.getAssignedAgent(), policy.maxCallAttempts());
    }

    /** "reminder-1 on Nov 3, 2026; final-notice on Nov 26, 2026": the mail the customer has received. */
    private String noticesSent(Account account) {
        String sent = notifications.messagesOf(account.getId()).stream().filter(OutboxMessage::isEmail).filter(OutboxMessage::isSent)
                .map(message -> message.getTemplate() + " on " + AccountFormats.date(message.getSentAt(), account))
                .collect(Collectors.joining("; "));
        return sent.isEmpty() ? NO_NOTICES : sent;
    }
}
