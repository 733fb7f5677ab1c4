package io.dunwell.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import io.dunwell.agent.Agents;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Balances;
import io.dunwell.invoice.Receivables;
import io.dunwell.reporting.AccountFilter;
import io.dunwell.reporting.AccountFilters;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;
import io.dunwell.worklist.Basket;
import io.dunwell.worklist.BasketEntry;
import io.dunwell.worklist.BasketStatements;
import io.dunwell.worklist.BasketStatus;
import io.dunwell.worklist.Baskets;

/**
 * Worklists: pick accounts (by aging bucket, agent, mine) into a basket, keep baskets pending,
 * start a collection session from one, and mail a basket's accounts their statements at once.
 * {@code POST /worklists/baskets} takes {@code name} and repeated {@code accountIds} (the billing
 * system's account ids, as the accounts list's rows carry them), so the accounts page can post to it too.
 */
@Controller
class WorklistController {

    private final Baskets baskets;
    private final BasketStatements statements;
    private final AccountsInCollections accountList;
    private final Accounts accounts;
    private final Receivables receivables;
    private final Agents agents;
    private final ConsoleSettings settings;
    private final AccountFilters filters;

    WorklistController(Baskets baskets, BasketStatements statements, AccountsInCollections accountList, Accounts accounts,
                       Receivables receivables, Agents agents, ConsoleSettings settings,
                       AccountFilters filters) {
        this.filters = filters;
        this.baskets = baskets;
        this.statements = statements;
        this.accountList = accountList;
        this.accounts = accounts;
        this.receivables = receivables;
        this.agents = agents;
        this.settings = settings;
    }

    @GetMapping("/worklists")
    String worklists(@RequestParam(required = false) String bucket, @RequestParam(required = false) String assigned,
                     @RequestParam(required = false) String agent, @RequestParam(required = false) String q,
                     Authentication user, Model model) {
        AccountFilter filter = filters.worklist(bucket, assigned, agent, q);
        // a worklist is worked from a past-due bucket: "Current" is not one to pick
        List<AgingBucket> buckets = settings.agingBuckets().list().stream().filter(b -> b.toDays() == null || b.toDays() > 0).toList();
        String chosen = filter.bucket() == null ? "" : filter.bucket().name();
        model.addAttribute("filter", filter);
        model.addAttribute("buckets", buckets);
        model.addAttribute("bucket", chosen);
        model.addAttribute("candidates", accountList.find(filter, user.getName()).rows());
        model.addAttribute("agents", agents.active());
        boolean supervisor = WorklistPages.supervisor(model);
        model.addAttribute("pending", baskets.visibleTo(user.getName(), supervisor, BasketStatus.PENDING));
        model.addAttribute("inSession", baskets.visibleTo(user.getName(), supervisor, BasketStatus.IN_SESSION));
        model.addAttribute("suggestedName", chosen);
        return "worklists";
    }

    @PostMapping("/worklists/baskets")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> accountIds,
                  Authentication user, RedirectAttributes redirect) {
        try {
            Basket basket = baskets.create(name, accountIds, user.getName()).value();
            redirect.addFlashAttribute("notice", "Basket \"" + basket.getName() + "\" with " + basket.getEntries().size()
                    + " accounts is pending.");
            return "redirect:/worklists/baskets/" + basket.getId();
        } catch (BadRequestException refused) {
            redirect.addFlashAttribute("error", "No basket made: " + refused.getMessage());
            return "redirect:/worklists";
        }
    }

    @GetMapping("/worklists/baskets/{id}")
    String basket(@PathVariable Long id, Authentication user, Model model) {
        Basket basket = mine(id, user, model);
        model.addAttribute("basket", basket);
        model.addAttribute("lines", basket.getEntries().stream().map(entry -> {
            Account account = accounts.get(entry.getAccountId());
            return new WorklistPages.Line(account, receivables.balancesOf(account), entry);
        }).toList());
        // a fresh id per page view: a double click on "Email statements" repeats the same request
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "basket";
    }

    @PostMapping("/worklists/baskets/{id}/session")
    String startSession(@PathVariable Long id, Authentication user, Model model, RedirectAttributes redirect) {
        Basket basket = mine(id, user, model);
        if (basket.getStatus() == BasketStatus.IN_SESSION) {
            return "redirect:" + WorklistPages.sessionPage(basket.getSessionProcessInstanceId());
        }
        try {
            return "redirect:" + WorklistPages.sessionPage(baskets.startSession(id, user.getName(), WorklistPages.supervisor(model)).getSessionProcessInstanceId());
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/worklists/baskets/" + id;
        }
    }

    @PostMapping("/worklists/baskets/{id}/statements")
    String emailStatements(@PathVariable Long id, @RequestParam(required = false) String requestId, Authentication user,
                           Model model, RedirectAttributes redirect) {
        try {
            BasketStatements.Mailed mailed = statements.email(id, requestId, user.getName(), WorklistPages.supervisor(model));
            redirect.addFlashAttribute("notice", "Statements: " + mailed.sent() + " of " + mailed.queued() + " sent"
                    + (mailed.notSent() == 0 ? "." : "; " + mailed.notSent() + " not sent (no email address, or the mail server refused)."));
        } catch (BadRequestException refused) {
            redirect.addFlashAttribute("error", "No statements sent: " + refused.getMessage());
        }
        return "redirect:/worklists/baskets/" + id;
    }

    private Basket mine(Long id, Authentication user, Model model) {
        try {
            Basket basket = baskets.require(id);
            Baskets.checkMayWork(basket, user.getName(), WorklistPages.supervisor(model));
            return basket;
        } catch (NotFoundException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
        }
    }

    /** ConsoleUser put the signed-in user's role into every console page's model before the handler ran. */
}
