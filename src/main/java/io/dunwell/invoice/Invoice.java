package io.dunwell.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "invoice")
public class Invoice {

    public static final String OPEN = "OPEN";
    public static final String PAID = "PAID";
    public static final String VOID = "VOID";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
    private Long id;

    private String externalId;
    private Long accountId;
    private String number;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private String currency;
    private BigDecimal amount;
    private BigDecimal balance;
    private String status;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected Invoice() {
    }

    Invoice(String externalId, Long accountId, Instant now) {
        this.externalId = externalId;
        this.accountId = accountId;
        this.createdAt = now;
    }

    /** Takes the billing system's view; a void invoice owes nothing, a zero balance is paid. */
    void apply(InvoiceCommand command, BigDecimal amount, BigDecimal balance, Instant now) {
        this.number = command.number();
        this.issueDate = command.issueDate();
        this.dueDate = command.dueDate();
        this.currency = command.currency();
        this.amount = amount;
        boolean voided = staysVoid(command);
        setBalance(voided ? BigDecimal.ZERO.setScale(balance.scale()) : balance, voided);
        this.updatedAt = now;
    }

    /** VOID when the sender says so; a sender that leaves the status out does not revive a void invoice. */
    boolean staysVoid(InvoiceCommand command) {
        return command.status() == null ? VOID.equals(status) : VOID.equals(command.status());
    }

    void reduceBalance(BigDecimal by, Instant now) {
        setBalance(balance.subtract(by), false);
        this.updatedAt = now;
    }

    private void setBalance(BigDecimal newBalance, boolean voided) {
        this.balance = newBalance;
        this.status = statusFor(newBalance, voided);
    }

    private static String statusFor(BigDecimal balance, boolean voided) {
        return voided ? VOID : balance.signum() == 0 ? PAID : OPEN;
    }

    /**
     * Whether {@link #apply} would leave the invoice as it is. Compares the outcome, not the request:
     * a replayed "OPEN" of an invoice a payment has settled, or a VOID sent with its old balance,
     * changes nothing and must not be recorded as an update again.
     */
    boolean sameAs(InvoiceCommand command, BigDecimal amount, BigDecimal balance) {
        boolean voided = staysVoid(command);
        BigDecimal newBalance = voided ? BigDecimal.ZERO : balance;
        return command.number().equals(number) && command.issueDate().equals(issueDate)
                && command.dueDate().equals(dueDate) && command.currency().equals(currency)
                && amount.compareTo(this.amount) == 0 && newBalance.compareTo(this.balance) == 0
                && statusFor(newBalance, voided).equals(status);
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    @PostLoad
    void scaleToCurrency() {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
        balance = balance.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getNumber() {
        return number;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
