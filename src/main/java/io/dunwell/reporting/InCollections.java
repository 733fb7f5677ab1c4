package io.dunwell.reporting;

import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import io.dunwell.account.CollectionStatus;
import io.dunwell.settings.OverdueCondition;

/**
 * The one meaning of "in collections", for the dashboard, the agents' pages, the accounts list,
 * worklists and bulk actions: an account whose collection status is neither good standing nor
 * written off, or one in good standing whose oldest unpaid invoice is more than the condition's days
 * past due with more than its amount open (the condition set in /settings). The cut-off counts from
 * UTC's today on the receivables summary's columns, so the summary's indexes serve it.
 */
final class InCollections {

    private InCollections() {
    }

    /** The condition on the receivables summary {@code s}, its parameters added to {@code params}. */
    static String where(OverdueCondition condition, LocalDate today, MapSqlParameterSource params) {
        params.addValue("goodStanding", CollectionStatus.GOOD_STANDING)
                .addValue("writtenOff", CollectionStatus.WRITTEN_OFF)
                .addValue("inCollectionsDueBefore", today.minusDays(condition.daysOverdue()))
                .addValue("inCollectionsAbove", condition.amount());
        return "(s.collection_status not in (:goodStanding, :writtenOff) or (s.collection_status = :goodStanding"
                + " and s.oldest_unpaid_due_date < :inCollectionsDueBefore"
                + " and s.open_invoice_total - s.unapplied_credit > :inCollectionsAbove))";
    }
}
