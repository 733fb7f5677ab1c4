package io.dunwell.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;

/** Hibernate's counts for one phase, per imported row: shows N+1 loads, unbatched writes, extra flushes. */
final class StatementCounts {

    private final Statistics statistics;

    StatementCounts(Statistics statistics) {
        this.statistics = statistics;
    }

    void reset() {
        statistics.clear();
    }

    void print(int rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("transactions", statistics.getTransactionCount());
        counts.put("statements prepared", statistics.getPrepareStatementCount());
        counts.put("queries", statistics.getQueryExecutionCount());
        counts.put("entity loads", statistics.getEntityLoadCount());
        counts.put("collection fetches", statistics.getCollectionFetchCount());
        counts.put("entity inserts", statistics.getEntityInsertCount());
        counts.put("entity updates", statistics.getEntityUpdateCount());
        counts.put("flushes", statistics.getFlushCount());
        counts.forEach((what, count) -> System.out.printf("  %-20s %10d  %8.3f per row%n", what, count, (double) count / rows));
        for (String query : statistics.getQueries()) {
            QueryStatistics q = statistics.getQueryStatistics(query);
            System.out.printf("  query x%d, avg %d ms, max %d ms: %s%n", q.getExecutionCount(), q.getExecutionAvgTime(),
                    q.getExecutionMaxTime(), abbreviate(query.replaceAll("\\s+", " ")));
        }
    }

    private static String abbreviate(String query) {
        return query.length() <= 160 ? query : query.substring(0, 160) + "...";
    }
}
