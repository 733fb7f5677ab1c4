package io.dunwell.dunning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.notification.Notifications;
import io.dunwell.promise.Installment;
import io.dunwell.promise.PromiseToPay;
import io.dunwell.promise.Promises;

/**
 * The notices around a promise to pay: its confirmation, the reminder before each installment and
 * the notice that an installment was missed. Keyed by promise and installment, so the step that
 * queues one can repeat without writing a second.
 */
@Service
public class PromiseNotices {

    public static final String CONFIRMATION = "promise-confirmation";
    public static final String INSTALLMENT_REMINDER = "installment-reminder";
    public static final String BROKEN = "promise-broken";

    private final Notifications notifications;
    private final Promises promises;

    PromiseNotices(Notifications notifications, Promises promises) {
        this.notifications = notifications;
        this.promises = promises;
    }

    /** Queues the template's notice for the promise (and, but for the confirmation, the installment); returns its message id. */
    @Transactional
    public Long queue(Long caseId, String template, Long promiseId, int installmentNumber) {
        PromiseToPay promise = promises.require(promiseId);
        List<Installment> installments = promises.installmentsOf(promiseId);
        Map<String, Object> facts = new LinkedHashMap<>();
        String step;
        if (CONFIRMATION.equals(template)) {
            facts.put("promiseTotal", promise.getTotal());
            facts.put("installments", installments.stream().map(PromiseNotices::factsOf).toList());
            step = "promise-" + promiseId + ":confirmation";
        } else {
            Installment installment = promises.installment(promiseId, installmentNumber);
            facts.putAll(factsOf(installment));
            facts.put("installmentNumber", installment.getNumber());
            facts.put("installmentCount", installments.size());
            facts.remove("number");
            step = "promise-" + promiseId + ":installment-" + installmentNumber + ":" + template;
        }
        return notifications.enqueue(promise.getAccountId(), template, DunningNotices.keyOf(caseId, step), facts, false).getId();
    }

    private static Map<String, Object> factsOf(Installment installment) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("number", installment.getNumber());
        facts.put("dueDate", installment.getDueDate());
        facts.put("amount", installment.getAmount());
        return facts;
    }
}
