package io.dunwell.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.security.EngineUser;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.DunningCase;
import io.dunwell.dunning.DunningCases;
import io.dunwell.promise.Promises;

/**
 * A promise to pay taken during a collection session. When the account's dunning case waits for
 * a call, the promise is that call's outcome: the case records it and then confirms it to the
 * customer, reminds before each installment and checks it, exactly as if the agent had answered
 * the call in Tasklist — the least surprising place for it, since the case would otherwise call
 * about a debt already promised. Without a waiting call the promise is recorded on its own (linked
 * to the open case, if any): it shows on the account and in its timeline, and nothing checks it.
 */
@Service
public class SessionPromises {

    /** The dunning case's call tasks and the call form's field names (forms/call-customer.form). */
    static final String DUNNING_CASE = "DunningCaseProcess";
    static final String[] CALL_TASKS = {"Task_CallCustomer", "Task_FollowUpBrokenPromise"};

    public enum Tracking { BY_DUNNING_CASE, NOT_TRACKED }

    public record Terms(LocalDate firstDueDate, BigDecimal amount, int installmentCount, Period interval, String note) {
    }

    private final Accounts accounts;
    private final DunningCases cases;
    private final Promises promises;
    private final TaskService tasks;
    private final EngineUser engineUser;

    SessionPromises(Accounts accounts, DunningCases cases, Promises promises, TaskService tasks, EngineUser engineUser) {
        this.accounts = accounts;
        this.cases = cases;
        this.promises = promises;
        this.tasks = tasks;
        this.engineUser = engineUser;
    }

    @Transactional
    public Tracking record(Long accountId, Terms terms, String user) {
        Account account = accounts.get(accountId);
        Optional<Task> call = tasks.createTaskQuery().processDefinitionKey(DUNNING_CASE)
                .processInstanceBusinessKey(account.getExternalId()).taskDefinitionKeyIn(CALL_TASKS).active().list().stream()
                .findFirst();
        if (call.isPresent()) {
            Map<String, Object> outcome = new HashMap<>();
            outcome.put("callOutcome", "promise");
            outcome.put("promiseDate", terms.firstDueDate() == null ? null : terms.firstDueDate().toString());
            outcome.put("promiseAmount", terms.amount() == null ? null : terms.amount().toPlainString());
            outcome.put("installmentCount", terms.installmentCount());
            outcome.put("installmentInterval", terms.interval().toString());
            outcome.put("callNote", terms.note());
            engineUser.complete(user, call.get().getId(), outcome);
            return Tracking.BY_DUNNING_CASE;
        }
        promises.make(accountId, cases.activeFor(accountId).map(DunningCase::getId).orElse(null), terms.firstDueDate(),
                terms.amount(), terms.installmentCount(), terms.interval(), user, terms.note());
        return Tracking.NOT_TRACKED;
    }
}
