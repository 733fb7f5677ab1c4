package io.dunwell.settings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;

/**
 * The console's settings, typed and validated. A key not stored yet reads as its default; a
 * change that breaks a rule throws {@link SettingRejected} and writes nothing.
 */
@Service
public class ConsoleSettings {

    static final String AGING_BUCKETS = "dashboard.aging-buckets";
    static final String IN_COLLECTIONS = "accounts.in-collections";
    static final String CRITICAL_INVOICES = "invoices.critical";
    static final String CUSTOM_STATUSES = "accounts.custom-statuses";
    static final String RUN_CRON = "dunning.run-cron";

    static final OverdueCondition DEFAULT_IN_COLLECTIONS = new OverdueCondition(0, BigDecimal.ZERO);
    static final OverdueCondition DEFAULT_CRITICAL_INVOICES = new OverdueCondition(60, new BigDecimal("1000"));

    private final SettingsStore store;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Accounts accounts;

    ConsoleSettings(SettingsStore store, ObjectMapper json, ApplicationEventPublisher events, Clock clock, Accounts accounts) {
        this.accounts = accounts;
        this.store = store;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AgingBuckets agingBuckets() {
        return read(AGING_BUCKETS, new TypeReference<List<AgingBucket>>() { }).map(AgingBuckets::new).orElse(AgingBuckets.DEFAULT);
    }

    @Transactional
    public void changeAgingBuckets(List<AgingBucket> buckets, String changedBy) {
        AgingBuckets named = new AgingBuckets(buckets.stream()
                .map(b -> new AgingBucket(b.name() == null ? null : b.name().strip(), b.fromDays(), b.toDays())).toList());
        write(AGING_BUCKETS, named.list(), changedBy);
    }

    /** An account is in collections when its oldest unpaid invoice is more than X days past due and its balance above Y. */
    @Transactional(readOnly = true)
    public OverdueCondition inCollections() {
        return read(IN_COLLECTIONS, new TypeReference<OverdueCondition>() { }).orElse(DEFAULT_IN_COLLECTIONS);
    }

    @Transactional
    public void changeInCollections(OverdueCondition condition, String changedBy) {
        write(IN_COLLECTIONS, validated(condition), changedBy);
    }

    /** An open invoice is critical when it is more than X days past due and its open amount above Y (its own currency). */
    @Transactional(readOnly = true)
    public OverdueCondition criticalInvoices() {
        return read(CRITICAL_INVOICES, new TypeReference<OverdueCondition>() { }).orElse(DEFAULT_CRITICAL_INVOICES);
    }

    @Transactional
    public void changeCriticalInvoices(OverdueCondition condition, String changedBy) {
        write(CRITICAL_INVOICES, validated(condition), changedBy);
    }

    /** The built-in statuses, then the ones admins added, in the order they were added. */
    @Transactional(readOnly = true)
    public List<String> collectionStatuses() {
        List<String> all = new ArrayList<>(CollectionStatus.BUILT_IN);
        all.addAll(customStatuses());
        return all;
    }

    @Transactional(readOnly = true)
    public List<String> customStatuses() {
        return read(CUSTOM_STATUSES, new TypeReference<List<String>>() { }).orElse(List.of());
    }

    /** Takes "Legal review" as {@code LEGAL_REVIEW}, the form the built-in ones have. */
    @Transactional
    public String addCollectionStatus(String name, String changedBy) {
        String code = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new SettingRejected("A status is 2 to 40 letters, digits, spaces or underscores, starting with a letter.");
        }
        List<String> custom = new ArrayList<>(customStatusesLocked());
        if (CollectionStatus.BUILT_IN.contains(code) || custom.contains(code)) {
            throw new SettingRejected("The status " + code + " exists already.");
        }
        custom.add(code);
        write(CUSTOM_STATUSES, custom, changedBy);
        return code;
    }

    @Transactional
    public void removeCollectionStatus(String code, String changedBy) {
        if (CollectionStatus.BUILT_IN.contains(code)) {
            throw new SettingRejected("The status " + code + " is built in and cannot be removed.");
        }
        List<String> custom = new ArrayList<>(customStatusesLocked());
        if (!custom.remove(code)) {
            throw new SettingRejected("There is no status " + code + ".");
        }
        // removing it would leave those accounts with a status no list or filter offers any more
        long inUse = accounts.countWithStatus(code);
        if (inUse > 0) {
            throw new SettingRejected("The status " + code + " is in use by " + inUse + (inUse == 1 ? " account" : " accounts")
                    + " and cannot be removed; give them another status first.");
        }
        write(CUSTOM_STATUSES, custom, changedBy);
    }

    /**
     * Gives an account a status a person may choose (in collections, or one added here), under the
     * same lock as adding and removing statuses: a removal that counted no account using a status
     * cannot meet an account given it meanwhile. The statuses the journey sets (a promise, a dispute,
     * an agency placement, a write-off) follow from what happened and are not chosen by hand.
     */
    @Transactional
    public void assignCollectionStatus(Long accountId, String code) {
        if (!CollectionStatus.IN_COLLECTIONS.equals(code) && !customStatusesLocked().contains(code)) {
            throw new SettingRejected("Choose one of " + String.join(", ", assignableStatuses()) + ".");
        }
        accounts.changeCollectionStatus(accountId, code);
    }

    /** The statuses a person may give an account by hand. */
    @Transactional(readOnly = true)
    public List<String> assignableStatuses() {
        List<String> assignable = new ArrayList<>(List.of(CollectionStatus.IN_COLLECTIONS));
        assignable.addAll(customStatuses());
        return assignable;
    }

    private List<String> customStatusesLocked() {
        return store.findLocked(CUSTOM_STATUSES).map(value -> parse(CUSTOM_STATUSES, value, new TypeReference<List<String>>() { }))
                .orElse(List.of());
    }

    /** The dunning run's cron as a supervisor set it; empty while the configured one applies. */
    @Transactional(readOnly = true)
    public Optional<String> runCron() {
        return store.find(RUN_CRON);
    }

    /** Stores a 6-field Spring cron (seconds first, day names allowed) and tells the engine's side to reschedule. */
    @Transactional
    public void changeRunCron(String cron, String changedBy) {
        String trimmed = cron == null ? "" : cron.strip().replaceAll("\\s+", " ");
        if (trimmed.split(" ").length != 6) {
            throw new SettingRejected("A schedule has 6 fields: second minute hour day-of-month month day-of-week, e.g. 0 0 6 * * MON-FRI.");
        }
        CronExpression expression;
        try {
            expression = CronExpression.parse(trimmed);
        } catch (IllegalArgumentException e) {
            throw new SettingRejected("\"" + trimmed + "\" is not a valid schedule: " + e.getMessage());
        }
        if (expression.next(ZonedDateTime.now(clock.withZone(ZoneId.systemDefault()))) == null) {
            throw new SettingRejected("\"" + trimmed + "\" never fires.");
        }
        store.put(RUN_CRON, trimmed, changedBy);
        events.publishEvent(new RunScheduleChanged(trimmed));
    }

    private static OverdueCondition validated(OverdueCondition condition) {
        if (condition.daysOverdue() < 0) {
            throw new SettingRejected("Days overdue must be 0 or more.");
        }
        if (condition.amount() == null || condition.amount().signum() < 0) {
            throw new SettingRejected("The amount must be 0 or more.");
        }
        return new OverdueCondition(condition.daysOverdue(), condition.amount());
    }

    private <T> Optional<T> read(String key, TypeReference<T> type) {
        return store.find(key).map(value -> parse(key, value, type));
    }

    private <T> T parse(String key, String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Setting " + key + " is unreadable: " + value, e);
        }
    }

    private void write(String key, Object value, String changedBy) {
        try {
            store.put(key, json.writeValueAsString(value), changedBy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Setting " + key + " cannot be written", e);
        }
    }
}
