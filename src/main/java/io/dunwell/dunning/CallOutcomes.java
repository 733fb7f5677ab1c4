package io.dunwell.dunning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.timeline.Timeline;

/**
 * Records what came of a call, as the call form submitted it. Input that breaks a rule throws
 * before anything is written, so the task's completion fails, Tasklist shows why and the task stays open.
 */
@Service
public class CallOutcomes {

    public static final String PROMISE = "promise";
    public static final String DISPUTE = "dispute";
    public static final String NO_CONTACT = "noContact";
    public static final String PAID = "paid";
    public static final String ESCALATE = "escalate";
    public static final String WRITE_OFF = "writeOff";
    private static final Set<String> OUTCOMES = Set.of(PROMISE, DISPUTE, NO_CONTACT, PAID, ESCALATE, WRITE_OFF);
    private static final int MAX_RETRY_DAYS = 30;

    /** The form's fields; {@code retryDays} is whatever the form sent: form-js numbers arrive as Long, Integer or Double. */
    public record Call(String outcome, String note, String disputeReason, Object retryDays, int callAttemptsBefore) {
    }

    /**
     * What the gateways after the call read.
     *
     * @param retryDays        for noContact, the days until the next try as a whole number; else null
     * @param escalationReason for escalate and writeOff, why; else null
     */
    public record Logged(int callAttempts, Integer retryDays, String escalationReason) {
    }

    private final Disputes disputes;
    private final Timeline timeline;
    private final CurrentUser currentUser;

    CallOutcomes(Disputes disputes, Timeline timeline, CurrentUser currentUser) {
        this.disputes = disputes;
        this.timeline = timeline;
        this.currentUser = currentUser;
    }

    @Transactional
    public Logged record(Long caseId, Long accountId, Call call) {
        validate(call);
        timeline.append(accountId, "CALL_LOGGED", "Call by " + currentUser.id() + ": " + call.outcome() + suffix(call.note()),
                DunningCases.reference(caseId));
        return switch (call.outcome()) {
            case DISPUTE -> {
                disputes.open(caseId, accountId, call.disputeReason().trim());
                yield new Logged(call.callAttemptsBefore(), null, null);
            }
            case NO_CONTACT -> new Logged(call.callAttemptsBefore() + 1, ((Number) call.retryDays()).intValue(), null);
            case PAID -> {
                timeline.append(accountId, "PAYMENT_CLAIMED", "Customer says paid; the case waits for the payment",
                        DunningCases.reference(caseId));
                yield new Logged(call.callAttemptsBefore(), null, null);
            }
            case ESCALATE -> new Logged(call.callAttemptsBefore(), null, "Agent escalated" + suffix(call.note()));
            case WRITE_OFF -> new Logged(call.callAttemptsBefore(), null, "Agent requested write-off" + suffix(call.note()));
            // the promise itself is recorded by the promise steps that follow in the process
            default -> new Logged(call.callAttemptsBefore(), null, null);
        };
    }

    private static void validate(Call call) {
        List<FieldError> errors = new ArrayList<>();
        if (call.outcome() == null || !OUTCOMES.contains(call.outcome())) {
            errors.add(new FieldError("callOutcome", "must be one of " + String.join(", ", OUTCOMES.stream().sorted().toList())
                    + ", not " + call.outcome()));
        } else if (DISPUTE.equals(call.outcome()) && (call.disputeReason() == null || call.disputeReason().isBlank())) {
            errors.add(new FieldError("disputeReason", "say what the customer disputes"));
        } else if (NO_CONTACT.equals(call.outcome()) && !isRetryDays(call.retryDays())) {
            errors.add(new FieldError("callRetryDays", "must be a whole number of days from 1 to " + MAX_RETRY_DAYS
                    + ", not " + call.retryDays()));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    private static boolean isRetryDays(Object value) {
        if (!(value instanceof Number days)) {
            return false;
        }
        double d = days.doubleValue();
        return d == Math.rint(d) && d >= 1 && d <= MAX_RETRY_DAYS;
    }

    /** ": note" after a summary, or nothing for a blank note. */
    static String suffix(String note) {
        return note == null || note.isBlank() ? "" : ": " + note.trim();
    }
}
