package io.dunwell.demo;

import static io.dunwell.dunning.process.DunningCaseVariables.ACCOUNT_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.CASE_ID;
import static io.dunwell.dunning.process.DunningCaseVariables.NOTICE_LEVEL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.DelinquentAccounts;
import io.dunwell.dunning.DunningCase;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.DunningRun;
import io.dunwell.dunning.process.DunningCaseVariables;
import io.dunwell.invoice.Receivables;
import io.dunwell.system.security.Roles;

/**
 * What the daily run would have done by the time a newcomer opens the demo: every delinquent
 * account has a case, most start at the beginning (the job executor then sends the notices their
 * age calls for, and the oldest reach an agent's call), and the six oldest are already further on,
 * worked by alice, bob and sarah, so that promises, a dispute, escalations and a write-off
 * approval are waiting in Tasklist too.
 */
class DemoJourneys {

    /** Which of the six staged accounts gets the write-off that waits for approval. */
    private static final int WRITE_OFF_JOURNEY = 4;

    private static final Logger log = LoggerFactory.getLogger(DemoJourneys.class);
    private static final String[] AGENTS = {"alice", "bob", null};

    private final Accounts accounts;
    private final Receivables receivables;
    private final DelinquentAccounts delinquent;
    private final DunningRun run;
    private final DunningCases cases;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoJourneys(Accounts accounts, Receivables receivables, DelinquentAccounts delinquent, DunningRun run,
                 DunningCases cases, RuntimeService runtime, TaskService tasks, IdentityService identity, JdbcClient jdbc,
                 PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.receivables = receivables;
        this.delinquent = delinquent;
        this.run = run;
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** After the demo data; a database that already has dunning cases is left alone. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void startIfNoCases() {
        if (jdbc.sql("select count(*) from dunning_case").query(Integer.class).single() > 0) {
            return;
        }
        List<Account> late = delinquent.page(0, 100_000, clock.instant()).stream().map(accounts::get)
                .sorted(Comparator.comparingLong((Account a) -> receivables.balancesOf(a).daysPastDue()).reversed()).toList();
        for (int i = 0; i < late.size(); i++) {
            accounts.assignAgent(late.get(i).getId(), AGENTS[i % AGENTS.length]);
        }
        List<Account> staged = new ArrayList<>(late.subList(0, Math.min(6, late.size())));
        if (staged.size() > WRITE_OFF_JOURNEY) {
            // the largest balance: above sarah's own write-off limit, so the write-off waits for another approver
            Account largest = staged.stream().max(Comparator.comparing((Account a) -> receivables.balancesOf(a).openBalance())).orElseThrow();
            Collections.swap(staged, WRITE_OFF_JOURNEY, staged.indexOf(largest));
        }
        late.subList(staged.size(), late.size()).forEach(account -> run.openCase(account.getId()));
        LocalDate today = LocalDate.now(clock);
        Instant started = clock.instant();
        for (int i = 0; i < staged.size(); i++) {
            Account account = accounts.get(staged.get(i).getId());
            Map<String, Object> call = switch (i) {
                case 0 -> Map.of("callOutcome", "promise", "promiseDate", today.plusDays(5).toString(),
                        "promiseAmount", receivables.balancesOf(account).openBalance().toPlainString(), "installmentCount", 1L,
                        "callNote", "Promised to pay in full by bank transfer");
                case 1 -> Map.of("callOutcome", "promise", "promiseDate", today.plusDays(3).toString(),
                        "promiseAmount", receivables.balancesOf(account).openBalance().toPlainString(), "installmentCount", 3L,
                        "installmentInterval", "P1M", "callNote", "Cash-flow trouble; agreed three monthly installments");
                case 2 -> Map.of("callOutcome", "dispute", "disputeReason", "Says the last invoice bills a cancelled seat",
                        "callNote", "Asked for the cancellation e-mail");
                case 3 -> Map.of("callOutcome", "escalate", "callNote", "Refuses to pay until the contract is renegotiated");
                case WRITE_OFF_JOURNEY -> Map.of("callOutcome", "writeOff", "callNote", "Company is in insolvency proceedings");
                default -> Map.of("callOutcome", "noContact", "callRetryDays", 2L, "callNote", "Voicemail");
            };
            transaction.executeWithoutResult(status -> work(account, call));
        }
        log.info("Demo: opened {} dunning cases, {} of them already worked by agents ({} ms)", late.size(), staged.size(),
                Duration.between(started, clock.instant()).toMillis());
    }

    /** Opens the case right before the agent's call, as if its notices had gone out, and records the call. */
    private void work(Account account, Map<String, Object> call) {
        DunningCase dunningCase = cases.open(account.getId()).orElseThrow();
        ProcessInstance instance = runtime.createProcessInstanceByKey(DunningCaseVariables.PROCESS_KEY)
                .businessKey(account.getExternalId())
                .setVariable(ACCOUNT_ID, account.getId())
                .setVariable(CASE_ID, dunningCase.getId())
                .setVariable(NOTICE_LEVEL, 3)
                .startBeforeActivity("Task_PrepareCall")
                .execute();
        cases.attachProcess(dunningCase.getId(), instance.getId());
        String agent = account.getAssignedAgent() == null ? "alice" : account.getAssignedAgent();
        completeAs(agent, Roles.AGENTS_GROUP, instance, call);
        if ("writeOff".equals(call.get("callOutcome"))) {
            completeAs("sarah", Roles.SUPERVISORS_GROUP, instance, Map.of("escalationDecision", "writeOff",
                    "escalationNote", "Insolvency filed; recovery unlikely"));
        }
    }

    private void completeAs(String user, String group, ProcessInstance instance, Map<String, Object> form) {
        String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(taskId, form);
        } finally {
            identity.clearAuthentication();
        }
    }
}
