package io.dunwell.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.dunwell.agent.Agents;
import io.dunwell.bulk.BulkActions;
import io.dunwell.reporting.AccountFilter;
import io.dunwell.reporting.AccountFilters;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.settings.ConsoleSettings;

/** The accounts in collections: filter, search, sort, page, and pick some for a basket. */
@Controller
class AccountListController {

    private final ConsoleSettings settings;
    private final AccountsInCollections accounts;
    private final Agents agents;
    private final AccountFilters filters;
    private final BulkActions bulkActions;
    private final Clock clock;

    AccountListController(AccountsInCollections accounts, AccountFilters filters, Agents agents, ConsoleSettings settings,
                          BulkActions bulkActions, Clock clock) {
        this.filters = filters;
        this.bulkActions = bulkActions;
        this.clock = clock;
        this.settings = settings;
        this.accounts = accounts;
        this.agents = agents;
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) Integer minDays, @RequestParam(required = false) BigDecimal minBalance,
                @RequestParam(required = false) String assigned, @RequestParam(required = false) String agent,
                @RequestParam(required = false) String status, @RequestParam(required = false) String bucket,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "1") int page, Authentication user, Model model) {
        AccountFilter filter = filters.accountsList(minDays, minBalance, assigned, agent, status, bucket, q, sort, dir, page);
        model.addAttribute("filter", filter);
        model.addAttribute("result", accounts.find(filter, user.getName()));
        model.addAttribute("agents", agents.active());
        // the built-in statuses and those added in the settings, so an account given a custom one can be found by it
        model.addAttribute("statuses", settings.collectionStatuses());
        model.addAttribute("bulkActions", bulkActions.actionsFor(user));
        model.addAttribute("today", LocalDate.now(clock).toString());
        model.addAttribute("buckets", settings.agingBuckets().list());
        return "accounts";
    }
}
