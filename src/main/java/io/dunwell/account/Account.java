package io.dunwell.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer of the finance team, as its billing system knows it, plus what collections adds. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    private Long id;

    private String externalId;
    private String name;
    private String email;
    private String phone;
    private String locale;
    private String timeZone;
    private String currency;
    private String segment;
    private String collectionStatus = CollectionStatus.GOOD_STANDING;
    private String collectionStage = CollectionStage.NOT_SET;
    private boolean frozen;
    private String frozenReason;
    private String assignedAgent;
    private boolean dunningExempt;
    private LocalDate dunningPausedUntil;
    private boolean doNotEmail;
    private boolean doNotSms;
    private boolean doNotCall;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_flag", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "flag")
    private Set<String> flags = new TreeSet<>();

    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected Account() {
    }

    Account(String externalId, Instant now) {
        this.externalId = externalId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Applies what the billing system sent; returns whether anything changed. */
    boolean update(AccountDetails details, Instant now) {
        boolean changed = !details.equals(details());
        if (changed) {
            name = details.name();
            email = details.email();
            phone = details.phone();
            locale = details.locale();
            timeZone = details.timeZone();
            currency = details.currency();
            segment = details.segment();
            updatedAt = now;
        }
        return changed;
    }

    public AccountDetails details() {
        return new AccountDetails(name, email, phone, locale, timeZone, currency, segment);
    }

    /** Today's date where the customer is: days past due are counted in it. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone()));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getLocale() {
        return locale;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPhone() {
        return phone;
    }

    public String getSegment() {
        return segment;
    }

    public String getCollectionStatus() {
        return collectionStatus;
    }

    public String getCollectionStage() {
        return collectionStage;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public String getFrozenReason() {
        return frozenReason;
    }

    public String getAssignedAgent() {
        return assignedAgent;
    }

    public boolean isDunningExempt() {
        return dunningExempt;
    }

    public LocalDate getDunningPausedUntil() {
        return dunningPausedUntil;
    }

    public Set<String> getFlags() {
        return Set.copyOf(flags);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void assignTo(String agent) {
        this.assignedAgent = agent;
    }

    void changeStatus(String status) {
        this.collectionStatus = status;
    }

    void freeze(String reason) {
        this.frozen = true;
        this.frozenReason = reason;
    }

    /** Puts back what a freeze found: not frozen, or frozen for the reason it had before. */
    void restoreFreeze(boolean frozen, String reason) {
        this.frozen = frozen;
        this.frozenReason = frozen ? reason : null;
    }

    boolean addFlag(String flag) {
        return flags.add(flag);
    }

    boolean removeFlag(String flag) {
        return flags.remove(flag);
    }

    void changeStage(String stage) {
        this.collectionStage = stage;
    }

    public ContactPreferences contactPreferences() {
        return new ContactPreferences(doNotEmail, doNotSms, doNotCall);
    }

    void changeContactPreferences(ContactPreferences preferences) {
        this.doNotEmail = preferences.doNotEmail();
        this.doNotSms = preferences.doNotSms();
        this.doNotCall = preferences.doNotCall();
    }
}
