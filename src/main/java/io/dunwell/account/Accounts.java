package io.dunwell.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.ConflictException;
import io.dunwell.system.DistinctValues;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.RowResult;
import io.dunwell.system.RowResult.Outcome;
import io.dunwell.timeline.Timeline;

@Service
public class Accounts {

    public record Upserted(Account account, boolean created) {
    }

    private final AccountRepository accounts;
    private final LedgerActivity ledger;
    private final Timeline timeline;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    Accounts(AccountRepository accounts, LedgerActivity ledger, Timeline timeline, Clock clock,
                   ApplicationEventPublisher events, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
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
            return create(externalId, normalized);
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

    /** Today in the time zone of every account, for queries over many accounts. */
    @Transactional(readOnly = true)
    public AccountToday todayEverywhere() {
        // asked on every accounts list: a walk through the time_zone index, not a read of every account
        return AccountToday.at(clock, jdbc.sql(DistinctValues.of("account", "time_zone")).query(String.class).list());
    }

    @Transactional(readOnly = true)
    public long countWithStatus(String collectionStatus) {
        return accounts.countByCollectionStatus(collectionStatus);
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
    public Account get(Long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new NotFoundException("No account with internal id " + accountId));
    }

    /** The billing system's ids of many accounts with one query, by internal id. */
    @Transactional(readOnly = true)
    public Map<Long, String> externalIdsOf(Collection<Long> accountIds) {
        return accounts.findAllById(accountIds).stream().collect(Collectors.toMap(Account::getId, Account::getExternalId));
    }

    /** Gives the account to an agent (a Camunda user id), or to nobody with null: the collections group then works it. */
    @Transactional
    public void assignAgent(Long accountId, String agent) {
        Account account = get(accountId);
        if (Objects.equals(account.getAssignedAgent(), agent)) {
            return;
        }
        account.assignTo(agent);
        events.publishEvent(new AccountWorkChanged(accountId, account.getCollectionStatus(), agent));
        timeline.append(accountId, "AGENT_ASSIGNED", agent == null ? "Agent unassigned" : "Assigned to " + agent, account.getExternalId());
    }

    /** Stops all dunning of the account until someone unfreezes it; the reason lands in the timeline. */
    @Transactional
    public void freeze(Long accountId, String reason) {
        Account account = get(accountId);
        if (account.isFrozen()) {
            return;
        }
        account.freeze(reason);
        timeline.append(accountId, "ACCOUNT_FROZEN", "Account frozen" + (reason == null || reason.isBlank() ? "" : ": " + reason),
                account.getExternalId());
    }

    /** Gives back what {@link #freeze} took: unfrozen, or frozen for the earlier reason. */
    @Transactional
    public void restoreFreeze(Long accountId, boolean frozen, String reason, String why) {
        Account account = get(accountId);
        account.restoreFreeze(frozen, reason);
        timeline.append(accountId, "FREEZE_ROLLED_BACK", (frozen ? "Freeze rolled back to the earlier one: " + reason
                : "Account unfrozen") + (why == null ? "" : " (" + why + ")"), account.getExternalId());
    }

    /** Adds and removes flags; returns whether any changed. The timeline records the change, not the call. */
    @Transactional
    public boolean changeFlags(Long accountId, Collection<String> add, Collection<String> remove) {
        Account account = get(accountId);
        List<String> added = add.stream().filter(account::addFlag).toList();
        List<String> removed = remove.stream().filter(account::removeFlag).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return false;
        }
        timeline.append(accountId, "FLAGS_CHANGED", "Flags" + (added.isEmpty() ? "" : " added: " + String.join(", ", added))
                + (added.isEmpty() || removed.isEmpty() ? "" : ";") + (removed.isEmpty() ? "" : " removed: "
                + String.join(", ", removed)), account.getExternalId());
        return true;
    }

    /** Sets the collection stage ({@link CollectionStage}); returns whether it changed. */
    @Transactional
    public boolean changeStage(Long accountId, String stage) {
        if (!CollectionStage.ALL.contains(stage)) {
            throw new BadRequestException("stage", "must be one of " + String.join(", ", CollectionStage.ALL) + ", not " + stage);
        }
        Account account = get(accountId);
        String before = account.getCollectionStage();
        if (before.equals(stage)) {
            return false;
        }
        account.changeStage(stage);
        timeline.append(accountId, "STAGE_CHANGED", "Collection stage " + before + " → " + stage, account.getExternalId());
        return true;
    }

    /**
     * Corrects the customer's email and phone (an agent on a call): validated like any update, and
     * the timeline says who changed what from what. Returns whether anything changed.
     */
    @Transactional
    public boolean changeContact(Long accountId, String email, String phone, String changedBy) {
        Account account = get(accountId);
        AccountDetails before = account.details();
        AccountDetails after = normalize(new AccountDetails(before.name(), email, phone, before.locale(), before.timeZone(),
                before.currency(), before.segment()));
        AccountValidator.validate(account.getExternalId(), after);
        if (!account.update(after, clock.instant())) {
            return false;
        }
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(before.email(), after.email())) {
            changes.add("email " + orNone(before.email()) + " → " + orNone(after.email()));
        }
        if (!Objects.equals(before.phone(), after.phone())) {
            changes.add("phone " + orNone(before.phone()) + " → " + orNone(after.phone()));
        }
        timeline.append(accountId, "CONTACT_CHANGED", "Contact details changed by " + changedBy + ": " + String.join("; ", changes),
                account.getExternalId());
        return true;
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }

    /** Which channels the customer opted out of; the timeline records a change. */
    @Transactional
    public void changeContactPreferences(Long accountId, ContactPreferences preferences) {
        Account account = get(accountId);
        if (account.contactPreferences().equals(preferences)) {
            return;
        }
        account.changeContactPreferences(preferences);
        timeline.append(accountId, "CONTACT_PREFERENCES_CHANGED", "Contact preferences: " + preferences.describe(),
                account.getExternalId());
    }

    @Transactional(readOnly = true)
    public Map<String, Account> findAll(Collection<String> externalIds) {
        return accounts.findByExternalIdIn(externalIds).stream()
                .collect(Collectors.toMap(Account::getExternalId, Function.identity()));
    }

    /** Moves the account to another collection status; the timeline records each change, not each call. */
    @Transactional
    public boolean changeCollectionStatus(Long accountId, String status) {
        return !changeCollectionStatus(List.of(accountId), status).isEmpty();
    }

    /** Sets the status of many accounts with one query; returns the ids whose status changed. */
    @Transactional
    public Set<Long> changeCollectionStatus(Collection<Long> accountIds, String status) {
        List<Account> found = accounts.findAllById(accountIds);
        if (found.size() != new HashSet<>(accountIds).size()) {
            throw new NotFoundException("No account with one of the ids " + accountIds);
        }
        Set<Long> changed = new LinkedHashSet<>();
        for (Account account : found) {
            String before = account.getCollectionStatus();
            if (!before.equals(status)) {
                account.changeStatus(status);
                events.publishEvent(new AccountWorkChanged(account.getId(), status, account.getAssignedAgent()));
                timeline.append(account.getId(), "STATUS_CHANGED", "Collection status " + before + " → " + status,
                        account.getExternalId());
                changed.add(account.getId());
            }
        }
        return changed;
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

    /**
     * Creates or updates many accounts in one transaction, for imports: a row-by-row
     * {@link #upsert} that reports instead of throwing. A refused row has written nothing, because
     * upsert checks everything before it writes; a failure of the database rolls the whole batch
     * back and is thrown. An id the batch's one lookup did not find is created without upsert's
     * own lookup: that query would first flush every earlier row of the batch, which dirty-checks
     * the whole persistence context per row and sends the inserts one at a time instead of in
     * JDBC batches.
     */
    @Transactional
    public List<RowResult<Account>> upsertAll(List<AccountCommand> commands) {
        Map<String, AccountDetails> before = new HashMap<>();
        findAll(commands.stream().map(AccountCommand::externalId).filter(Objects::nonNull).toList())
                .forEach((externalId, account) -> before.put(externalId, account.details()));
        List<RowResult<Account>> results = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            AccountCommand command = commands.get(i);
            try {
                Upserted upserted = before.containsKey(command.externalId())
                        ? upsert(command.externalId(), command.details()) : createNew(command);
                AccountDetails after = upserted.account().details();
                Outcome outcome = upserted.created() ? Outcome.CREATED
                        : after.equals(before.get(command.externalId())) ? Outcome.UNCHANGED : Outcome.UPDATED;
                before.put(command.externalId(), after);
                results.add(new RowResult<>(i, command.externalId(), outcome, upserted.account(), List.of()));
            } catch (BadRequestException refused) {
                results.add(RowResult.rejected(i, command.externalId(), refused.errors()));
            } catch (ConflictException currencyLocked) {
                results.add(RowResult.rejected(i, command.externalId(),
                        List.of(new FieldError("currency", currencyLocked.getMessage()))));
            }
        }
        return results;
    }

    /** {@link #upsert} for an id that no account has. */
    private Upserted createNew(AccountCommand command) {
        AccountDetails normalized = normalize(command.details());
        AccountValidator.validate(command.externalId(), normalized);
        return create(command.externalId(), normalized);
    }

    private Upserted create(String externalId, AccountDetails normalized) {
        Account account = new Account(externalId, clock.instant());
        account.update(normalized, clock.instant());
        accounts.save(account);
        events.publishEvent(new AccountCreated(account.getId(), normalized.currency()));
        timeline.append(account.getId(), "ACCOUNT_CREATED", "Account " + normalized.name() + " created", externalId);
        return new Upserted(account, true);
    }
}
