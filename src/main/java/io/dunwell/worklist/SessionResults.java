package io.dunwell.worklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.timeline.Timeline;

/**
 * Records how the agent left an account in a session: on the basket's entry and in the account's
 * timeline. Bad input throws before anything is written, so the task's completion fails and the
 * task stays open (in Tasklist and in the console alike).
 */
@Service
public class SessionResults {

    static final int MAX_REASON = 500;
    static final int MAX_NOTE = 2000;

    private final Baskets baskets;
    private final Timeline timeline;
    private final Clock clock;

    SessionResults(Baskets baskets, Timeline timeline, Clock clock) {
        this.baskets = baskets;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void record(Long basketId, Long accountId, String outcome, String reason, String note, String workedBy) {
        SessionOutcome checked = check(outcome, reason, note);
        Basket basket = baskets.require(basketId);
        String why = trimmed(reason);
        String text = trimmed(note);
        basket.entryOf(accountId).worked(checked, why, text, workedBy, clock.instant());
        timeline.append(accountId, "SESSION_ACCOUNT_" + checked.name(),
                (checked == SessionOutcome.COMPLETED ? "Completed" : "Skipped") + " in collection session \"" + basket.getName()
                        + "\" by " + workedBy + (why == null ? "" : " — " + why) + (text == null ? "" : ": " + text),
                "basket:" + basketId);
    }

    /** The outcome, when the input is good; a skip needs a reason. */
    static SessionOutcome check(String outcome, String reason, String note) {
        List<FieldError> errors = new ArrayList<>();
        SessionOutcome checked = SessionOutcome.of(outcome);
        if (checked == null) {
            errors.add(new FieldError("outcome", "must be completed or skipped, not " + outcome));
        } else if (checked == SessionOutcome.SKIPPED && trimmed(reason) == null) {
            errors.add(new FieldError("outcomeReason", "say why the account is skipped"));
        }
        if (reason != null && reason.trim().length() > MAX_REASON) {
            errors.add(new FieldError("outcomeReason", "at most " + MAX_REASON + " characters"));
        }
        if (note != null && note.trim().length() > MAX_NOTE) {
            errors.add(new FieldError("note", "at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return checked;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
