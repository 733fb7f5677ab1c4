package io.dunwell.approval;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

import io.dunwell.system.security.Roles;

/**
 * Asks the decision table of a money move who must approve it. The limits live in the table
 * (a process designer edits them in Camunda Modeler), per requester role and currency, for one
 * account and for a whole run; this class only feeds it. A run in several currencies is decided
 * per currency and needs the strongest group any currency calls for.
 */
@Service
public class MoneyMoveLimits {

    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String AGENT = "agent";
    public static final String NONE = "none";

    /** An amount one account would move. */
    public record Amount(BigDecimal value, String currency) {
    }

    private final DecisionService decisions;
    private final IdentityService identity;

    MoneyMoveLimits(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    /**
     * The group whose approval the amounts need, or empty when the requester may book them alone.
     *
     * @param role the requester's role: {@link #ADMIN}, {@link #SUPERVISOR}, {@link #AGENT} or {@link #NONE}
     */
    public Optional<String> approverGroup(MoneyMove move, String role, Collection<Amount> amounts) {
        Map<String, List<BigDecimal>> byCurrency = amounts.stream().filter(a -> a.value() != null && a.value().signum() > 0)
                .collect(Collectors.groupingBy(Amount::currency, Collectors.mapping(Amount::value, Collectors.toList())));
        return byCurrency.entrySet().stream()
                .map(currency -> decide(move, role, currency.getKey(), currency.getValue().stream().reduce(BigDecimal.ZERO, BigDecimal::max),
                        currency.getValue().stream().reduce(BigDecimal.ZERO, BigDecimal::add)))
                .filter(Objects::nonNull).max(ApproverGroups.WEAKEST_FIRST);
    }

    /** The requester's role as the decision tables name it, from the user's Camunda groups. */
    public String roleOf(String userId) {
        List<String> groups = groupsOf(userId);
        if (groups.contains(Roles.ADMINS_GROUP)) {
            return ADMIN;
        }
        if (groups.contains(Roles.SUPERVISORS_GROUP)) {
            return SUPERVISOR;
        }
        return groups.contains(Roles.AGENTS_GROUP) ? AGENT : NONE;
    }

    /** The user's groups, whatever groups the signed-in user may read: Tasklist's supervisor may not list groups. */
    public List<String> groupsOf(String userId) {
        return userId == null ? List.of()
                : asEngine(() -> identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    }

    private String decide(MoneyMove move, String role, String currency, BigDecimal largest, BigDecimal total) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ApprovalVariables.REQUESTER_ROLE, role);
        variables.put(move.currencyVariable(), currency);
        variables.put(move.valueVariable(), largest.toPlainString());
        variables.put(move.totalVariable(), total.toPlainString());
        DmnDecisionTableResult result = asEngine(() -> decisions.evaluateDecisionTableByKey(move.decisionKey(), variables));
        // no rule matching is a table that forgot a case: the strongest approver is the safe answer
        return result.isEmpty() ? Roles.ADMINS_GROUP : result.getSingleResult().getSingleEntry();
    }

    /**
     * Evaluating a decision and reading someone's groups are engine calls that the signed-in user's
     * engine authorizations would otherwise have to allow; the limits are the application's own rule,
     * not the user's request.
     */
    private <T> T asEngine(Supplier<T> call) {
        Authentication signedIn = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (signedIn != null) {
                identity.setAuthentication(signedIn);
            }
        }
    }
}
