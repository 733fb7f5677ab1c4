package io.dunwell.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A bulk action on the accounts named in accountIds, or on every account the filter matches (not both)")
record BulkActionRequest(
        @Schema(description = "flags, message, export, fees, stage, writeOff, placeWithAgency, placementFile, freeze, freezeRollback",
                example = "fees") String action,
        @Schema(description = "The billing system's account ids") List<String> accountIds,
        @Schema(description = "The accounts page's filter; absent fields take the page's defaults") Filter filter,
        @Schema(description = "The report's date (default today): fees, exports, placement files and message placeholders take"
                + " balances and days past due as of its end; write-off and agency placement always take today's balance",
                example = "2026-11-20") LocalDate asOf,
        @Schema(description = "The action's parameters; see the README's Bulk actions section",
                example = "{\"basis\": \"percentOfBalance\", \"percent\": \"2.5\"}") Map<String, Object> parameters,
        @Schema(description = "true: say what would happen per account, change nothing, no Idempotency-Key needed") boolean preview,
        @Schema(description = "The token of the preview this request confirms: refused with 409 when the outcome would differ")
        String previewToken) {

    @Schema(description = "As on the accounts page; with an asOf before today, days past due, balances and the bucket are taken"
            + " as they stood at the end of that day (the collection status as it is now)")
    record Filter(Integer minDays, BigDecimal minBalance, String assigned, String agent, String status,
                  @Schema(description = "An aging bucket's name from the settings, e.g. 31–60") String bucket, String q, String sort,
                  String dir) {

        /** Whether it names nothing that narrows the accounts: then it stands for every account in collections. */
        boolean narrowsNothing() {
            return minDays == null && minBalance == null && blank(agent) && blank(status) && blank(bucket) && blank(q)
                    && (blank(assigned) || assigned.equals("all"));
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    @Schema(description = "An approver's answer to a bulk action awaiting approval")
    record Approval(@Schema(description = "true books the run, false books nothing") boolean approve,
                    @Schema(description = "For the run and its accounts' timeline") String note) {
    }
}
