package io.dunwell.bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One bulk action on the accounts with these billing-system ids.
 *
 * @param asOf         the report's date: balances and days past due are taken as of its end (null: today)
 * @param previewToken the token a preview returned; when given, the action runs only if it would do
 *                     exactly what the preview showed
 */
public record BulkRequest(String action, List<String> accountIds, LocalDate asOf, Map<String, Object> parameters,
                          boolean preview, String previewToken) {

    public BulkRequest {
        accountIds = accountIds == null ? List.of() : accountIds.stream().filter(id -> id != null && !id.isBlank())
                .map(String::trim).distinct().toList();
        parameters = parameters == null ? Map.of() : parameters;
    }
}
