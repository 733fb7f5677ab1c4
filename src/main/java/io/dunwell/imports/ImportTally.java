package io.dunwell.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.dunwell.system.RowResult.Outcome;

/** Counts the outcomes of an import and keeps the rows the report lists. */
final class ImportTally {

    private final String type;
    private final boolean listEveryRow;
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private final List<ImportReport.Row> rows = new ArrayList<>();

    ImportTally(String type, boolean listEveryRow) {
        this.type = type;
        this.listEveryRow = listEveryRow;
    }

    void add(ImportReport.Row row) {
        counts.merge(row.outcome(), 1L, Long::sum);
        if (listEveryRow || row.outcome() == Outcome.REJECTED) {
            rows.add(row);
        }
    }

    ImportReport report() {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new ImportReport(type, total, count(Outcome.CREATED), count(Outcome.UPDATED), count(Outcome.UNCHANGED),
                count(Outcome.REJECTED), List.copyOf(rows));
    }

    private long count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }
}
