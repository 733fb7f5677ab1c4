package io.dunwell.timeline;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface TimelineRepository extends Repository<TimelineEntry, Long> {

    TimelineEntry save(TimelineEntry entry);

    List<TimelineEntry> findByAccountIdOrderByOccurredAtAscIdAsc(Long accountId);

    List<TimelineEntry> findByAccountIdOrderByOccurredAtDescIdDesc(Long accountId, Limit limit);

    long countByAccountId(Long accountId);
}
