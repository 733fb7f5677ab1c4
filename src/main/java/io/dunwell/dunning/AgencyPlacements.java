package io.dunwell.dunning;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;
import io.dunwell.timeline.Timeline;

/**
 * Hands a case to a collection agency: a placement record with the file for the agency, then the
 * case ends. One placement per case: a retried placement job returns the first one.
 */
@Service
public class AgencyPlacements {

    private final AgencyPlacementRepository placements;
    private final Accounts accounts;
    private final Receivables receivables;
    private final DunningCases cases;
    private final Timeline timeline;
    private final Clock clock;

    AgencyPlacements(AgencyPlacementRepository placements, Accounts accounts, Receivables receivables, DunningCases cases,
                     Timeline timeline, Clock clock) {
        this.placements = placements;
        this.accounts = accounts;
        this.receivables = receivables;
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** @param placedBy who decided the placement */
    @Transactional
    public AgencyPlacement place(Long caseId, Long accountId, String agencyName, String placedBy) {
        Optional<AgencyPlacement> placed = placements.findByDunningCaseId(caseId);
        if (placed.isPresent()) {
            return placed.get();
        }
        Account account = accounts.get(accountId);
        Balances balances = receivables.balancesOf(account);
        List<Invoice> open = receivables.invoicesOf(accountId).stream().filter(Invoice::isOpen).toList();
        AgencyPlacement placement = placements.save(new AgencyPlacement(accountId, caseId, agencyName, balances.openBalance(),
                balances.currency(), clock.instant(), placedBy, "placement-case-" + caseId + ".csv",
                PlacementFile.of(account, open)));
        accounts.changeCollectionStatus(accountId, CollectionStatus.WITH_AGENCY);
        timeline.append(accountId, "PLACED_WITH_AGENCY", "Placed with " + agencyName + ": "
                + AccountFormats.money(balances.openBalance(), account), "agency-placement:" + placement.getId());
        cases.close(caseId, DunningCaseStatus.CLOSED, "placed with agency " + agencyName);
        return placement;
    }

    /**
     * Places the account as it is, with or without a dunning case (a bulk action); the active case,
     * if any, ends. {@code fileName} names the placement and makes it happen once per name.
     */
    @Transactional
    public AgencyPlacement placeAccount(Long accountId, String agencyName, String placedBy, String fileName) {
        Optional<AgencyPlacement> placed = placements.findByFileName(fileName);
        if (placed.isPresent()) {
            return placed.get();
        }
        Account account = accounts.get(accountId);
        Balances balances = receivables.balancesOf(account);
        List<Invoice> open = receivables.invoicesOf(accountId).stream().filter(Invoice::isOpen).toList();
        Long caseId = cases.activeFor(accountId).map(DunningCase::getId).orElse(null);
        AgencyPlacement placement = placements.save(new AgencyPlacement(accountId, caseId, agencyName, balances.openBalance(),
                balances.currency(), clock.instant(), placedBy, fileName, PlacementFile.of(account, open)));
        accounts.changeCollectionStatus(accountId, CollectionStatus.WITH_AGENCY);
        timeline.append(accountId, "PLACED_WITH_AGENCY", "Placed with " + agencyName + ": "
                + AccountFormats.money(balances.openBalance(), account), "agency-placement:" + placement.getId());
        cases.endFromOutside(accountId, "placed with agency " + agencyName);
        return placement;
    }

    @Transactional(readOnly = true)
    public List<AgencyPlacement> of(Long accountId) {
        return placements.findByAccountIdOrderByPlacedAtAscIdAsc(accountId);
    }

    @Transactional(readOnly = true)
    public Optional<AgencyPlacement> find(Long placementId) {
        return placements.findById(placementId);
    }
}
