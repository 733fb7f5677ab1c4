package io.dunwell.worklist;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Accounts picked for one purpose ("30+ days"), in the order picked, kept pending until an agent
 * works them in a collection session. Never deleted: a worked basket records each account's outcome.
 */
@Entity
@Table(name = "basket")
public class Basket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "basket_seq")
    @SequenceGenerator(name = "basket_seq", sequenceName = "basket_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String owner;
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private BasketStatus status;
    private String sessionProcessInstanceId;
    private String sessionAgent;
    private String abandonedBy;
    private Instant abandonedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "basket_entry", joinColumns = @JoinColumn(name = "basket_id"))
    @OrderColumn(name = "position")
    private List<BasketEntry> entries = new ArrayList<>();

    protected Basket() {
    }

    Basket(String name, String owner, List<Long> accountIds, Instant now) {
        this.name = name;
        this.owner = owner;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        this.status = BasketStatus.PENDING;
        accountIds.forEach(accountId -> entries.add(new BasketEntry(accountId)));
    }

    void sessionStarted(String processInstanceId, String agent) {
        this.status = BasketStatus.IN_SESSION;
        this.sessionProcessInstanceId = processInstanceId;
        this.sessionAgent = agent;
    }

    void done() {
        this.status = BasketStatus.DONE;
    }

    /** Its session was abandoned: pending again, the outcomes so far kept. */
    void abandoned(String by, Instant at) {
        this.status = BasketStatus.PENDING;
        this.abandonedBy = by;
        this.abandonedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The entry of the account, while it is not worked yet. */
    BasketEntry entryOf(Long accountId) {
        return entries.stream().filter(entry -> entry.getAccountId().equals(accountId) && !entry.isWorked()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Account " + accountId + " has nothing left to work in basket " + id));
    }

    public List<Long> accountIds() {
        return entries.stream().map(BasketEntry::getAccountId).toList();
    }

    /**
     * The accounts a session still has to work, in order: all of them, or after an abandoned session
     * the rest. Sessions work the basket in order, so the worked ones are always its first ones.
     */
    public List<Long> unworkedAccountIds() {
        return entries.stream().filter(entry -> !entry.isWorked()).map(BasketEntry::getAccountId).toList();
    }

    public long workedCount() {
        return entries.stream().filter(BasketEntry::isWorked).count();
    }

    public boolean isPending() {
        return status == BasketStatus.PENDING;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public BasketStatus getStatus() {
        return status;
    }

    public String getSessionProcessInstanceId() {
        return sessionProcessInstanceId;
    }

    public String getSessionAgent() {
        return sessionAgent;
    }

    /** Who abandoned the basket's last abandoned session, else null. */
    public String getAbandonedBy() {
        return abandonedBy;
    }

    public Instant getAbandonedAt() {
        return abandonedAt;
    }

    public List<BasketEntry> getEntries() {
        return List.copyOf(entries);
    }
}
