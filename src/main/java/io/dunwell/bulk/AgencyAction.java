package io.dunwell.bulk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import io.dunwell.account.Account;
import io.dunwell.dunning.AgencyPlacement;
import io.dunwell.dunning.AgencyPlacements;
import io.dunwell.invoice.Receivables;

/**
 * {@code placeWithAgency}: places each account with the collection agency {@code agency} (its
 * placement record and per-account file, the active dunning case ends) and makes the run's
 * placement file, one row per account with its open items.
 */
@Component
class AgencyAction implements BulkAction {

    private final AgencyPlacements placements;
    private final Receivables receivables;
    private final PlacementFileAction placementFile;
    private final Clock clock;

    AgencyAction(AgencyPlacements placements, Receivables receivables, PlacementFileAction placementFile, Clock clock) {
        this.clock = clock;
        this.placements = placements;
        this.receivables = receivables;
        this.placementFile = placementFile;
    }

    @Override
    public String name() {
        return "placeWithAgency";
    }

    @Override
    public boolean supervisorsOnly() {
        return true;
    }

    @Override
    public void check(Parameters parameters) {
        parameters.text("agency", 200);
    }

    @Override
    public Outcome plan(Target target) {
        Account account = target.account();
        BigDecimal balance = receivables.balancesOf(account).openBalance();
        return balance.signum() <= 0 ? Outcome.skipped("nothing open to place")
                : Outcome.planned("place with " + target.parameters().text("agency", 200)).withAmount(balance, account.getCurrency());
    }

    @Override
    public Outcome apply(Target target) {
        Outcome planned = plan(target);
        if (!planned.status().equals(BulkResult.PLANNED)) {
            return planned;
        }
        String agency = target.parameters().text("agency", 200);
        AgencyPlacement placement = placements.placeAccount(target.account().getId(), agency, target.user(),
                target.idFor("placement") + ".csv");
        return new Outcome(BulkResult.DONE, "placed with " + agency, placement.getAmount(), placement.getCurrency(),
                "agency-placement:" + placement.getId());
    }

    @Override
    public BulkFile file(List<Account> done, LocalDate asOf, Long runId, Parameters parameters) {
        // the agency gets what is open on the day it takes the accounts over, not on the report's date
        return placementFile.file(done, LocalDate.now(clock), runId, parameters);
    }
}
