package io.dunwell.bulk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.approval.ApproverGroups;
import io.dunwell.approval.MoneyMoveLimits;
import io.dunwell.approval.MoneyMoveLimits.Amount;
import io.dunwell.bulk.BulkAction.Outcome;
import io.dunwell.bulk.BulkAction.Target;
import io.dunwell.bulk.BulkResult.AccountResult;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.Fingerprint;
import io.dunwell.system.Money;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.security.Roles;
import io.dunwell.timeline.Timeline;

/**
 * Runs bulk actions. A preview plans every account and stores nothing. A real run needs an
 * idempotency key: the run and one PENDING row per account are stored first, then each account
 * is done in a transaction of its own (all or nothing per account) that also marks its row and
 * appends to its timeline. The same key (or a second confirm of the same preview token) with the
 * same request returns the stored run — and finishes it first if it was cut off — the same key
 * with another request is a conflict. The database decides races: the key and the token are
 * unique, and each account's row is locked while it is done.
 *
 * <p>A money move (write-off, fees) above the requester's limits is stored with its accounts
 * PENDING and their amounts, AWAITING_APPROVAL, and books nothing until a member of the approver
 * group who is not the requester approves it (MoneyMoveApprovalProcess); then it runs once, as
 * any cut-off run is finished. A rejected run books nothing, ever.
 */
@Service
@EnableConfigurationProperties(BulkProperties.class)
public class BulkActions {

    /** The order the accounts page offers them in: everyday actions first, money-moving ones after. */
    private static final List<String> MENU_ORDER = List.of("flags", "message", "export", "stage", "fees", "writeOff",
            "placeWithAgency", "placementFile", "freeze", "freezeRollback");

    private final Map<String, BulkAction> actions;
    private final Accounts accounts;
    private final BulkRunRepository runs;
    private final BulkRunAccountRepository rows;
    private final Timeline timeline;
    private final RoleHierarchy roles;
    private final BulkProperties properties;
    private final MoneyMoveLimits limits;
    private final BulkApprovals approvals;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BulkActions(List<BulkAction> actions, Accounts accounts, BulkRunRepository runs, BulkRunAccountRepository rows,
                Timeline timeline, RoleHierarchy roles, BulkProperties properties, MoneyMoveLimits limits, BulkApprovals approvals,
                PlatformTransactionManager transactions, Clock clock) {
        this.actions = actions.stream().sorted(Comparator.comparingInt(action -> MENU_ORDER.indexOf(action.name())))
                .collect(Collectors.toMap(BulkAction::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.accounts = accounts;
        this.runs = runs;
        this.rows = rows;
        this.timeline = timeline;
        this.roles = roles;
        this.properties = properties;
        this.limits = limits;
        this.approvals = approvals;
        // an approved run is done from the approval's job: each account still commits on its own
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The actions' names, and whether the user may run each. */
    public Map<String, Boolean> actionsFor(Authentication user) {
        Map<String, Boolean> allowed = new LinkedHashMap<>();
        actions.values().forEach(action -> allowed.put(action.name(), !action.supervisorsOnly() || isSupervisor(user)));
        return allowed;
    }

    /**
     * Whether the action books money or changes collection status, freeze or placement: then a
     * filter must narrow the accounts, never stand for all of them (an unknown action is not).
     */
    public boolean isDestructive(String action) {
        BulkAction known = actions.get(action);
        return known != null && known.destructive();
    }

    /** @param idempotencyKey required unless the request is a preview */
    public BulkResult run(BulkRequest request, String idempotencyKey, Authentication user) {
        BulkAction action = actions.get(request.action());
        if (action == null) {
            throw new BadRequestException("action", "must be one of " + String.join(", ", actions.keySet()) + ", not "
                    + request.action());
        }
        if (action.supervisorsOnly() && !isSupervisor(user)) {
            throw new AccessDeniedException("Only supervisors may run the bulk action " + action.name());
        }
        LocalDate asOf = request.asOf() == null ? LocalDate.now(clock) : request.asOf();
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw new BadRequestException("asOf", "must not be after today (" + LocalDate.now(clock) + ")");
        }
        Parameters parameters = new Parameters(request.parameters());
        action.check(parameters);
        List<Account> targets = resolve(request.accountIds());
        String fingerprint = Fingerprint.of(action.name(), String.join(",", request.accountIds()), asOf,
                parameters.canonical(), user.getName());
        if (request.preview()) {
            BulkResult preview = preview(action, targets, asOf, parameters, user.getName(), fingerprint);
            return approverGroup(action, user, preview)
                    .map(group -> withApproval(preview, new BulkResult.Approval(BulkResult.REQUIRED, group, null, null, null)))
                    .orElse(preview);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new BadRequestException("Idempotency-Key", "send a key of 1 to 200 characters with every bulk action"
                    + " that is not a preview, and the same key when you retry it");
        }
        String previewToken = request.previewToken();
        Optional<BulkRun> existing = earlier(idempotencyKey, previewToken);
        if (existing.isPresent()) {
            return replay(existing.get(), fingerprint);
        }
        BulkResult planned = null;
        if (action.plansEveryAccountFirst() || previewToken != null || action.moneyMove() != null) {
            planned = preview(action, targets, asOf, parameters, user.getName(), fingerprint);
            if (previewToken != null && !planOf(previewToken).equals(planOf(planned.previewToken()))) {
                throw new ConflictException("The accounts have changed since the preview: it would no longer do what it showed."
                        + " Preview again.");
            }
        }
        String approverGroup = planned == null ? null : approverGroup(action, user, planned).orElse(null);
        BulkResult plan = planned;
        BulkRun run;
        try {
            run = transaction.execute(status -> start(idempotencyKey, fingerprint, previewToken, action, parameters, asOf, user,
                    targets, approverGroup, plan));
        } catch (DataIntegrityViolationException sameRequestAtOnce) {
            // the unique key or preview token made this insert wait for the other request's and fail: that run is this one
            return replay(earlier(idempotencyKey, previewToken).orElseThrow(() -> sameRequestAtOnce), fingerprint);
        }
        return run.mayRun() ? finish(run, false) : result(run, false);
    }

    /**
     * Approves or rejects a run awaiting approval, as {@code user}, who must be in the approver group
     * (or a stronger one) and not the requester. An approved run is done at once; the approval's own
     * job finds it done.
     */
    public BulkResult decide(Long runId, boolean approve, String note, Authentication user) {
        BulkRun run = runs.findById(runId).orElseThrow(() -> new NotFoundException("No bulk action " + runId));
        if (!BulkResult.AWAITING_APPROVAL.equals(run.getApprovalStatus())) {
            throw new ConflictException("Bulk action " + runId + " is not awaiting approval"
                    + (run.getApprovalStatus() == null ? "" : ": it was " + run.getApprovalStatus().toLowerCase()));
        }
        if (user.getName().equals(run.getRequestedBy())) {
            throw new AccessDeniedException("You requested bulk action " + runId + " and may not approve or reject it: another"
                    + " member of " + run.getApproverGroup() + " must");
        }
        if (!ApproverGroups.covers(groupOf(user), run.getApproverGroup())) {
            throw new AccessDeniedException("Only members of " + run.getApproverGroup() + " may approve bulk action " + runId);
        }
        approvals.complete(runId, approve, note, user.getName());
        return approve ? runApproved(runId) : find(runId);
    }

    /** Task_RecordMoneyMoveDecision, in the engine's transaction: a second decision of a decided run changes nothing. */
    @Transactional
    public void recordDecision(Long runId, boolean approve, String by, String note) {
        BulkRun run = runs.lock(runId).orElseThrow(() -> new NotFoundException("No bulk action " + runId));
        if (!BulkResult.AWAITING_APPROVAL.equals(run.getApprovalStatus())) {
            return;
        }
        run.decide(approve, by, note, clock.instant());
        if (!approve) {
            String why = "rejected by " + by + (run.approval().note() == null ? "" : ": " + run.approval().note());
            rows.findByBulkActionIdOrderByPosition(runId).forEach(row -> row.record(new Outcome(BulkResult.SKIPPED, why,
                    row.getAmount(), row.getCurrency(), null)));
            run.complete(null, clock.instant());
        }
    }

    /** Does the accounts of an approved run still pending: once, however often it is called. */
    public BulkResult runApproved(Long runId) {
        BulkRun run = runs.findById(runId).orElseThrow(() -> new NotFoundException("No bulk action " + runId));
        return run.mayRun() && run.getCompletedAt() == null ? finish(run, false) : result(run, false);
    }

    /** Whether the user may approve or reject the run: it awaits approval, they are not its requester and in its approver group. */
    public boolean mayDecide(BulkResult run, Authentication user) {
        return run.awaitingApproval() && !user.getName().equals(run.requestedBy())
                && ApproverGroups.covers(groupOf(user), run.approval().approverGroup());
    }

    /** What the approval task shows and checks: who asked, who approves, what it moves. */
    public ApprovalRequest approvalRequest(Long runId) {
        BulkRun run = runs.findById(runId).orElseThrow(() -> new NotFoundException("No bulk action " + runId));
        Map<String, BigDecimal> totals = new TreeMap<>();
        List<BulkRunAccount> all = rows.findByBulkActionIdOrderByPosition(runId);
        all.stream().filter(row -> row.getAmount() != null).forEach(row -> totals.merge(row.getCurrency(), row.getAmount(),
                BigDecimal::add));
        String summary = all.size() + " accounts, " + totals.entrySet().stream().map(t -> Money.scaled(t.getValue(), Money.currency(t.getKey())).toPlainString() + " " + t.getKey())
                .collect(Collectors.joining(", ")) + " in all, as of " + run.getAsOf() + ", requested by " + run.getRequestedBy();
        return new ApprovalRequest(run.getAction(), run.getRequestedBy(), run.getApproverGroup(), summary);
    }

    /** @param summary the accounts and the totals per currency, for the approver */
    public record ApprovalRequest(String action, String requestedBy, String approverGroup, String summary) {
    }

    /** The group that must approve the planned amounts, empty when the requester's limits cover them or no money moves. */
    private Optional<String> approverGroup(BulkAction action, Authentication user, BulkResult planned) {
        if (action.moneyMove() == null) {
            return Optional.empty();
        }
        List<Amount> amounts = planned.accounts().stream().filter(a -> a.status().equals(BulkResult.PLANNED) && a.amount() != null)
                .map(a -> new Amount(a.amount(), a.currency())).toList();
        return limits.approverGroup(action.moneyMove(), roleOf(user), amounts);
    }

    private static BulkResult withApproval(BulkResult r, BulkResult.Approval approval) {
        return new BulkResult(r.id(), r.action(), r.asOf(), r.preview(), r.replayed(), r.requestedBy(), r.requestedAt(), r.completedAt(),
                r.previewToken(), r.fileName(), r.accounts(), approval);
    }

    public BulkResult find(Long runId) {
        return result(runs.findById(runId).orElseThrow(() -> new NotFoundException("No bulk action " + runId)), false);
    }

    /** The file an export made: name, content type, bytes. */
    public BulkAction.BulkFile file(Long runId) {
        BulkRun run = runs.findById(runId).orElseThrow(() -> new NotFoundException("No bulk action " + runId));
        if (run.getFileName() == null) {
            throw new NotFoundException("Bulk action " + runId + " made no file");
        }
        return new BulkAction.BulkFile(run.getFileName(), run.getFileType(), run.getFileContent());
    }

    /** The run stored under this key, or that confirmed this preview token. */
    private Optional<BulkRun> earlier(String idempotencyKey, String previewToken) {
        return runs.findByIdempotencyKey(idempotencyKey)
                .or(() -> previewToken == null ? Optional.empty() : runs.findByPreviewToken(previewToken));
    }

    private BulkResult replay(BulkRun run, String fingerprint) {
        if (!run.getFingerprint().equals(fingerprint)) {
            throw new ConflictException("The Idempotency-Key or preview token was already used for another bulk action request");
        }
        return run.getCompletedAt() == null && run.mayRun() ? finish(run, true) : result(run, true);
    }

    private BulkRun start(String key, String fingerprint, String previewToken, BulkAction action, Parameters parameters,
                          LocalDate asOf, Authentication user, List<Account> targets, String approverGroup, BulkResult planned) {
        if (previewToken != null && previewToken.length() > 100) {
            throw new BadRequestException("previewToken", "is not a token a preview returned");
        }
        BulkRun run = runs.saveAndFlush(new BulkRun(key, fingerprint, previewToken, action.name(), parameters.canonical(), asOf,
                user.getName(), clock.instant()));
        for (int i = 0; i < targets.size(); i++) {
            BulkRunAccount row = new BulkRunAccount(run.getId(), i, targets.get(i).getId());
            if (approverGroup != null) {
                AccountResult plannedOne = planned.accounts().get(i);
                row.plan("awaiting approval by " + approverGroup + ": " + plannedOne.detail(), plannedOne.amount(), plannedOne.currency());
            }
            rows.save(row);
        }
        if (approverGroup != null) {
            run.awaitApproval(approverGroup);
            runs.saveAndFlush(run);
            approvals.request(run.getId());
        }
        return run;
    }

    /**
     * Does the accounts still pending. Two requests for one run (the same key or token at the same
     * moment, or a retry while the first still works) may both get here: each account's row lock
     * lets one of them do the account and the other find it done, so both end with the one result.
     */
    private BulkResult finish(BulkRun run, boolean replayed) {
        BulkAction action = actions.get(run.getAction());
        Parameters parameters = Parameters.parse(run.getParameters());
        for (BulkRunAccount pending : rows.findByBulkActionIdOrderByPosition(run.getId())) {
            if (pending.getStatus().equals(BulkResult.PENDING)) {
                doOne(run, action, parameters, pending.getId(), run.getApprovalStatus() == null ? null : pending.getAmount());
            }
        }
        transaction.executeWithoutResult(status -> {
            BulkRun current = runs.lock(run.getId()).orElseThrow();
            if (current.getCompletedAt() != null) {
                return;
            }
            List<Account> done = rows.findByBulkActionIdOrderByPosition(run.getId()).stream()
                    .filter(row -> row.getStatus().equals(BulkResult.DONE)).map(row -> accounts.get(row.getAccountId())).toList();
            current.complete(action.file(done, run.getAsOf(), run.getId(), parameters), clock.instant());
        });
        return result(runs.findById(run.getId()).orElseThrow(), replayed);
    }

    private void doOne(BulkRun run, BulkAction action, Parameters parameters, Long rowId, BigDecimal approved) {
        try {
            transaction.executeWithoutResult(status -> {
                BulkRunAccount row = rows.lock(rowId).orElseThrow();
                if (!row.getStatus().equals(BulkResult.PENDING)) {
                    return;
                }
                Account account = accounts.get(row.getAccountId());
                Outcome outcome = action.apply(new Target(account, run.getAsOf(), parameters, run.getIdempotencyKey(),
                        run.doneBy(), approved == null && run.getApprovalStatus() != null ? BigDecimal.ZERO : approved));
                row.record(outcome);
                if (outcome.status().equals(BulkResult.DONE)) {
                    timeline.append(account.getId(), "BULK_ACTION", "Bulk action " + action.name() + " by "
                            + run.doneBy() + ": " + outcome.detail(), "bulk-action:" + run.getId());
                }
            });
        } catch (RuntimeException failed) {
            String why = failed instanceof BadRequestException refused ? refused.getMessage() + " " + refused.errors()
                    : failed.getMessage();
            transaction.executeWithoutResult(status -> {
                BulkRunAccount row = rows.lock(rowId).orElseThrow();
                if (row.getStatus().equals(BulkResult.PENDING)) {
                    row.record(new Outcome(BulkResult.FAILED, why == null ? failed.getClass().getSimpleName() : why, null, null, null));
                }
            });
        }
    }

    private BulkResult preview(BulkAction action, List<Account> targets, LocalDate asOf, Parameters parameters, String user,
                               String fingerprint) {
        List<AccountResult> planned = new ArrayList<>();
        for (Account account : targets) {
            Outcome outcome;
            try {
                outcome = action.plan(new Target(account, asOf, parameters, null, user, null));
            } catch (BadRequestException refusesAll) {
                throw refusesAll;
            } catch (RuntimeException cannot) {
                outcome = new Outcome(BulkResult.FAILED, cannot.getMessage(), null, null, null);
            }
            planned.add(resultOf(account, outcome));
        }
        String plan = Fingerprint.of(fingerprint, planned.stream().map(a -> a.accountId() + ":" + a.status() + ":"
                + (a.amount() == null ? "" : a.amount().toPlainString())).collect(Collectors.joining(";")));
        // fresh per preview, so that confirming it twice is one run while the same plan previewed again can run again
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "." + plan;
        return new BulkResult(null, action.name(), asOf, true, false, user, clock.instant(), null, token, null, planned, null);
    }

    private BulkResult result(BulkRun run, boolean replayed) {
        List<BulkRunAccount> done = rows.findByBulkActionIdOrderByPosition(run.getId());
        Map<Long, Account> byId = new LinkedHashMap<>();
        done.forEach(row -> byId.put(row.getAccountId(), accounts.get(row.getAccountId())));
        List<AccountResult> results = done.stream().map(row -> new AccountResult(byId.get(row.getAccountId()).getExternalId(),
                byId.get(row.getAccountId()).getName(), row.getStatus(), row.getDetail(),
                row.getAmount() == null ? null : Money.scaled(row.getAmount(), Money.currency(row.getCurrency())), row.getCurrency(),
                row.getReference())).toList();
        return new BulkResult(run.getId(), run.getAction(), run.getAsOf(), false, replayed, run.getRequestedBy(),
                run.getRequestedAt(), run.getCompletedAt(), null, run.getFileName(), results, run.approval());
    }

    /** The plan's digest in a preview token. */
    private static String planOf(String token) {
        return token.substring(token.indexOf('.') + 1);
    }

    private static AccountResult resultOf(Account account, Outcome outcome) {
        return new AccountResult(account.getExternalId(), account.getName(), outcome.status(), outcome.detail(), outcome.amount(),
                outcome.currency(), outcome.reference());
    }

    private List<Account> resolve(List<String> accountIds) {
        if (accountIds.isEmpty()) {
            throw new BadRequestException("accountIds", "name at least one account, or a filter that matches some");
        }
        if (accountIds.size() > properties.maxAccounts()) {
            throw new BadRequestException("accountIds", accountIds.size() + " accounts are more than the "
                    + properties.maxAccounts() + " one request may cover");
        }
        Map<String, Account> found = accounts.findAll(accountIds);
        List<String> unknown = accountIds.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("accountIds", "no account with id " + String.join(", ", unknown.subList(0,
                    Math.min(10, unknown.size()))) + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : ""));
        }
        return accountIds.stream().map(found::get).toList();
    }

    private boolean isSupervisor(Authentication user) {
        return has(user, Roles.SUPERVISOR);
    }

    /** The signed-in user's role as the money-move decision tables name it. */
    private String roleOf(Authentication user) {
        return has(user, Roles.ADMIN) ? MoneyMoveLimits.ADMIN : has(user, Roles.SUPERVISOR) ? MoneyMoveLimits.SUPERVISOR
                : has(user, Roles.AGENT) ? MoneyMoveLimits.AGENT : MoneyMoveLimits.NONE;
    }

    /** The strongest approver group the user's role belongs to, else null. */
    private String groupOf(Authentication user) {
        return has(user, Roles.ADMIN) ? Roles.ADMINS_GROUP : has(user, Roles.SUPERVISOR) ? Roles.SUPERVISORS_GROUP : null;
    }

    private boolean has(Authentication user, String role) {
        return roles.getReachableGrantedAuthorities(user.getAuthorities()).stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
    }
}
