package io.dunwell.dunning;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A case handed to a collection agency, with the placement file sent to it. Never changed once written. */
@Entity
@Table(name = "agency_placement")
public class AgencyPlacement {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_placement_seq")
    @SequenceGenerator(name = "agency_placement_seq", sequenceName = "agency_placement_seq", allocationSize = 50)
    private Long id;

    private Long accountId;
    private Long dunningCaseId;
    private String agencyName;
    private BigDecimal amount;
    private String currency;
    private Instant placedAt;
    private String placedBy;
    private String fileName;
    private String fileContent;

    protected AgencyPlacement() {
    }

    AgencyPlacement(Long accountId, Long dunningCaseId, String agencyName, BigDecimal amount, String currency, Instant placedAt,
                    String placedBy, String fileName, String fileContent) {
        this.accountId = accountId;
        this.dunningCaseId = dunningCaseId;
        this.agencyName = agencyName;
        this.amount = amount;
        this.currency = currency;
        this.placedAt = placedAt;
        this.placedBy = placedBy;
        this.fileName = fileName;
        this.fileContent = fileContent;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getDunningCaseId() {
        return dunningCaseId;
    }

    public String getAgencyName() {
        return agencyName;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public String getPlacedBy() {
        return placedBy;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileContent() {
        return fileContent;
    }
}
