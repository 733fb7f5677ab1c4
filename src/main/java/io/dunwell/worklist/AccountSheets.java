package io.dunwell.worklist;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/**
 * Prepares the work form's account sheet right before the agent's turn on the account, so Tasklist
 * shows today's balances. Amounts are exact, with their currency code.
 */
@Service
public class AccountSheets {

    static final int RECENT = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Baskets baskets;
    private final Accounts accounts;
    private final Receivables receivables;
    private final Timeline timeline;

    AccountSheets(Baskets baskets, Accounts accounts, Receivables receivables, Timeline timeline) {
        this.baskets = baskets;
        this.accounts = accounts;
        this.receivables = receivables;
        this.timeline = timeline;
    }

    @Transactional(readOnly = true)
    public AccountSheet prepare(Long basketId, Long accountId, String processInstanceId) {
        Basket basket = baskets.require(basketId);
        Account account = accounts.get(accountId);
        Balances balances = receivables.balancesOf(account);
        List<Invoice> unpaid = receivables.invoicesOf(accountId).stream().filter(Invoice::isOpen).toList();
        return new AccountSheet(account.getName(), account.getExternalId(), contactOf(account),
                balances.openBalance().toPlainString() + " " + balances.currency(),
                unpaid.isEmpty() ? "Nothing unpaid." : unpaid.stream()
                        .map(invoice -> "- " + invoice.getNumber() + ", due " + invoice.getDueDate() + ": "
                                + invoice.getBalance().toPlainString() + " " + invoice.getCurrency())
                        .collect(Collectors.joining("\n")),
                recent(timeline.of(accountId)),
                (basket.workedCount() + 1) + " of " + basket.getEntries().size(),
                "/worklists/sessions/" + processInstanceId);
    }

    private static String contactOf(Account account) {
        return "Email: " + orDash(account.getEmail()) + "  \nPhone: " + orDash(account.getPhone())
                + "  \nLanguage: " + account.getLocale() + " · time zone " + account.getTimeZone();
    }

    /** The latest entries first. */
    private static String recent(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return "Nothing happened yet.";
        }
        List<TimelineEntry> latestFirst = new ArrayList<>(entries);
        Collections.reverse(latestFirst);
        return latestFirst.stream().limit(RECENT)
                .map(entry -> "- " + WHEN.format(entry.getOccurredAt()) + " UTC: " + entry.getSummary())
                .collect(Collectors.joining("\n"));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
