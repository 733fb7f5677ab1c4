package io.dunwell.dunning;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.system.BadRequestException;
import io.dunwell.timeline.Timeline;

/** A customer's dispute pauses collection until a supervisor resolves it. */
@Service
public class Disputes {

    public static final String RESUME = "resume";
    public static final String CREDITED = "credited";
    private static final Set<String> RESOLUTIONS = Set.of(RESUME, CREDITED);

    private final Accounts accounts;
    private final Timeline timeline;

    Disputes(Accounts accounts, Timeline timeline) {
        this.accounts = accounts;
        this.timeline = timeline;
    }

    @Transactional
    public void open(Long caseId, Long accountId, String reason) {
        accounts.changeCollectionStatus(accountId, CollectionStatus.DISPUTED);
        timeline.append(accountId, "DISPUTE_OPENED", "Dispute opened: " + reason, DunningCases.reference(caseId));
    }

    /**
     * {@code resume}: the customer owes the money, calls go on; {@code credited}: the customer was
     * right and a credit is expected, so the case re-reads the account before its next notice.
     */
    @Transactional
    public void resolve(Long caseId, Long accountId, String resolution, String note) {
        if (!RESOLUTIONS.contains(resolution)) {
            throw new BadRequestException("disputeResolution", "must be one of " + RESUME + " or " + CREDITED + ", not " + resolution);
        }
        timeline.append(accountId, "DISPUTE_RESOLVED", "Dispute resolved (" + resolution + ")" + CallOutcomes.suffix(note),
                DunningCases.reference(caseId));
        accounts.changeCollectionStatus(accountId, CollectionStatus.IN_COLLECTIONS);
    }
}
