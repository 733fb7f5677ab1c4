package io.dunwell.timeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's history. Callers append inside their own transaction, so an entry exists
 * exactly when the change it describes was committed.
 */
@Service
public class Timeline {

    private final TimelineRepository entries;
    private final Clock clock;

    Timeline(TimelineRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public TimelineEntry append(Long accountId, String type, String summary, String reference) {
        return entries.save(new TimelineEntry(accountId, clock.instant(), type, summary, reference, currentActor()));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> of(Long accountId) {
        return entries.findByAccountIdOrderByOccurredAtAscIdAsc(accountId);
    }

    /** The account's newest {@code limit} entries, oldest of them first: what a page shows of a long history. */
    public List<TimelineEntry> latest(Long accountId, int limit) {
        List<TimelineEntry> entries = new ArrayList<>(this.entries.findByAccountIdOrderByOccurredAtDescIdDesc(accountId,
                Limit.of(limit)));
        Collections.reverse(entries);
        return entries;
    }

    public long count(Long accountId) {
        return entries.countByAccountId(accountId);
    }

    /** The signed-in user; "system" for the job executor, the schedule and anyone not signed in. */
    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? "system" : authentication.getName();
    }
}
