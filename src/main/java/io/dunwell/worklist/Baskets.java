package io.dunwell.worklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;
import io.dunwell.system.Recorded;
import io.dunwell.timeline.Timeline;
import io.dunwell.worklist.process.CollectionSessionVariables;

/**
 * Baskets: made from accounts picked by the billing system's ids, kept pending, and worked in a
 * collection session. Creating is safe to repeat: the same owner asking again for a pending basket
 * of the same name and accounts (a double click, a retried request) gets the basket already made.
 */
@Service
public class Baskets {

    static final int MAX_NAME = 200;
    static final int MAX_ACCOUNTS = 500;

    private final BasketRepository baskets;
    private final Accounts accounts;
    private final RuntimeService runtime;
    private final Timeline timeline;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Baskets(BasketRepository baskets, Accounts accounts, RuntimeService runtime, Timeline timeline,
            PlatformTransactionManager transactions, Clock clock) {
        this.baskets = baskets;
        this.accounts = accounts;
        this.runtime = runtime;
        this.timeline = timeline;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A new pending basket, or the same owner's pending basket with this name and these accounts; 400 names every fault. */
    public Recorded<Basket> create(String name, List<String> accountExternalIds, String owner) {
        return Recorded.once(transaction, () -> {
            List<Long> accountIds = check(name, accountExternalIds);
            String trimmed = name.trim();
            return baskets.findByOwnerAndStatusOrderByCreatedAtDescIdDesc(owner, BasketStatus.PENDING).stream()
                    .filter(basket -> basket.getName().equals(trimmed) && basket.accountIds().equals(accountIds))
                    .findFirst().map(basket -> new Recorded<>(basket, true))
                    .orElseGet(() -> new Recorded<>(save(new Basket(trimmed, owner, accountIds, clock.instant())), false));
        });
    }

    /**
     * Stores the basket now, so that the database's check that it holds each account once
     * ({@code uk_basket_entry_account}) answers here as a 400, not later as a server error.
     */
    Basket save(Basket basket) {
        try {
            return baskets.saveAndFlush(basket);
        } catch (DataIntegrityViolationException twice) {
            if (!String.valueOf(twice.getMostSpecificCause().getMessage()).toLowerCase().contains("uk_basket_entry_account")) {
                throw twice;
            }
            throw new BadRequestException("accountIds", "A basket holds each account once; an account was in it twice");
        }
    }

    @Transactional(readOnly = true)
    public Basket require(Long basketId) {
        return baskets.findById(basketId).orElseThrow(() -> new NotFoundException("No basket " + basketId));
    }

    @Transactional(readOnly = true)
    public Basket ofSession(String processInstanceId) {
        return baskets.findBySessionProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new NotFoundException("No collection session " + processInstanceId));
    }

    /** Whether the user ever made a basket of this name, in any state. */
    @Transactional(readOnly = true)
    public boolean exists(String owner, String name) {
        return baskets.existsByOwnerAndName(owner, name);
    }

    /** The baskets a user works with: supervisors see everybody's, agents their own and the sessions they work. */
    @Transactional(readOnly = true)
    public List<Basket> visibleTo(String user, boolean supervisor, BasketStatus status) {
        if (supervisor) {
            return baskets.findByStatusInOrderByCreatedAtDescIdDesc(List.of(status));
        }
        return status == BasketStatus.PENDING
                ? baskets.findByOwnerAndStatusOrderByCreatedAtDescIdDesc(user, status)
                : baskets.findBySessionAgentAndStatusOrderByCreatedAtDescIdDesc(user, status);
    }

    /** Whether the user may see the basket and act in its session: its owner, its session's agent, or a supervisor. */
    public static boolean mayWork(Basket basket, String user, boolean supervisor) {
        return supervisor || Objects.equals(basket.getOwner(), user) || Objects.equals(basket.getSessionAgent(), user);
    }

    /** 403 unless {@link #mayWork}. */
    public static void checkMayWork(Basket basket, String user, boolean supervisor) {
        if (!mayWork(basket, user, supervisor)) {
            throw new AccessDeniedException(user + " may not work basket " + basket.getId());
        }
    }

    /**
     * Starts the basket's collection session for its owner, in one transaction with the basket's
     * change to IN_SESSION: a second start finds the basket in session and is refused (409).
     */
    @Transactional
    public Basket startSession(Long basketId, String user, boolean supervisor) {
        Basket basket = require(basketId);
        checkMayWork(basket, user, supervisor);
        if (!basket.isPending()) {
            throw new ConflictException("Basket " + basketId + " is " + basket.getStatus() + ", not pending");
        }
        ProcessInstance session = runtime.startProcessInstanceByKey(CollectionSessionVariables.PROCESS_KEY, "basket-" + basketId,
                Map.of(CollectionSessionVariables.BASKET_ID, basketId, CollectionSessionVariables.AGENT, basket.getOwner(),
                        CollectionSessionVariables.FIRST_ACCOUNT_INDEX, (int) basket.workedCount()));
        basket.sessionStarted(session.getId(), basket.getOwner());
        return basket;
    }

    /** The basket's accounts in order. */
    @Transactional(readOnly = true)
    public List<Long> accountIdsOf(Long basketId) {
        return require(basketId).accountIds();
    }

    @Transactional
    public void close(Long basketId) {
        require(basketId).done();
    }

    /**
     * The basket's session was abandoned: pending again, for a later session that starts at the
     * first account not yet worked. The account that was at hand, which the agent may have
     * called, says in its timeline that the session stopped there.
     */
    @Transactional
    public void reopen(Long basketId, String abandonedBy) {
        Basket basket = require(basketId);
        basket.abandoned(abandonedBy, clock.instant());
        basket.unworkedAccountIds().stream().findFirst().ifPresent(atHand -> timeline.append(atHand, "SESSION_ABANDONED",
                "Collection session \"" + basket.getName() + "\" abandoned by " + abandonedBy
                        + " with this account at hand; it stays in the basket, not worked", "basket:" + basketId));
    }

    private List<Long> check(String name, List<String> externalIds) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "Give the basket a name, e.g. \"30+ days\""));
        } else if (name.trim().length() > MAX_NAME) {
            errors.add(new FieldError("name", "At most " + MAX_NAME + " characters"));
        }
        List<String> ids = externalIds == null ? List.of()
                : externalIds.stream().filter(Objects::nonNull).map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
        List<Long> accountIds = new ArrayList<>();
        if (ids.isEmpty()) {
            errors.add(new FieldError("accountIds", "Pick at least one account"));
        } else if (ids.size() > MAX_ACCOUNTS) {
            errors.add(new FieldError("accountIds", "At most " + MAX_ACCOUNTS + " accounts in one basket, not " + ids.size()));
        } else {
            Map<String, Account> found = accounts.findAll(ids);
            List<String> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("accountIds", "No account with id " + String.join(", ", unknown)));
            }
            ids.stream().filter(found::containsKey).forEach(id -> accountIds.add(found.get(id).getId()));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return accountIds;
    }
}
