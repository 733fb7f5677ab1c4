package io.dunwell.timeline;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One thing that happened to an account. Append-only: there is no setter and no delete. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_seq")
    @SequenceGenerator(name = "timeline_entry_seq", sequenceName = "timeline_entry_seq", allocationSize = 50)
    private Long id;

    private Long accountId;
    private Instant occurredAt;
    private String type;
    private String summary;
    private String reference;
    private String actor;

    protected TimelineEntry() {
    }

    TimelineEntry(Long accountId, Instant occurredAt, String type, String summary, String reference, String actor) {
        this.accountId = accountId;
        this.occurredAt = occurredAt;
        this.type = type;
        this.summary = summary;
        this.reference = reference;
        this.actor = actor;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getType() {
        return type;
    }

    public String getSummary() {
        return summary;
    }

    public String getReference() {
        return reference;
    }

    public String getActor() {
        return actor;
    }
}
