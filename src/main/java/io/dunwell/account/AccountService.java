package io.dunwell.account;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;
import io.dunwell.timeline.Timeline;

@Service
public class AccountService {

    public record Upserted(Account account, boolean created) {
    }

    private final AccountRepository accounts;
    private final LedgerActivity ledger;
    private final Timeline timeline;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountService(AccountRepository accounts, LedgerActivity ledger, Timeline timeline, Clock clock,
                   ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
        this.ledger = ledger;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Creates or updates the account with the billing system's id; sending the same details again changes nothing. */
    @Transactional
    public Upserted upsert(String externalId, AccountDetails details) {
        AccountDetails normalized = normalize(details);
        AccountValidator.validate(externalId, normalized);
        Optional<Account> existing = accounts.findByExternalId(externalId);
        if (existing.isEmpty()) {
            Account account = new Account(externalId, clock.instant());
            account.update(normalized, clock.instant());
            accounts.save(account);
            events.publishEvent(new AccountCreated(account.getId(), normalized.currency()));
            timeline.append(account.getId(), "ACCOUNT_CREATED", "Account " + normalized.name() + " created", externalId);
            return new Upserted(account, true);
        }
        Account account = existing.get();
        String ledgerCurrencyBefore = account.details().currency();
        if (!Objects.equals(account.details().currency(), normalized.currency()) && ledger.hasBookings(account.getId())) {
            throw new ConflictException("Account " + externalId + " already has bookings in " + account.details().currency()
                    + "; its currency cannot change to " + normalized.currency());
        }
        if (account.update(normalized, clock.instant())) {
            if (!account.details().currency().equals(ledgerCurrencyBefore)) {
                events.publishEvent(new AccountCurrencyChanged(account.getId(), normalized.currency()));
            }
            timeline.append(account.getId(), "ACCOUNT_UPDATED", "Account details updated", externalId);
        }
        return new Upserted(account, false);
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String externalId) {
        return accounts.findByExternalId(externalId);
    }

    @Transactional(readOnly = true)
    public Account require(String externalId) {
        return find(externalId).orElseThrow(() -> new NotFoundException("No account with id " + externalId));
    }

    @Transactional(readOnly = true)
    public String externalIdOf(Long accountId) {
        return accounts.findById(accountId).map(Account::getExternalId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Map<String, Account> findAll(Collection<String> externalIds) {
        return accounts.findByExternalIdIn(externalIds).stream()
                .collect(Collectors.toMap(Account::getExternalId, Function.identity()));
    }

    private static AccountDetails normalize(AccountDetails d) {
        return new AccountDetails(trim(d.name()), blankToNull(d.email()), blankToNull(d.phone()), trim(d.locale()),
                trim(d.timeZone()), d.currency() == null ? null : d.currency().trim().toUpperCase(), blankToNull(d.segment()));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
