package io.dunwell.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.dunwell.settings.AgingBucket;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.SettingRejected;
import io.dunwell.settings.OverdueCondition;

/** The accounts in collections: filter, search, sort, page, and pick some for a basket. */
@Controller
class AccountListController {

    private final ConsoleSettings settings;
    private final AccountsInCollections accounts;
    private final AgentDirectory agents;

    private final io.dunwell.bulk.BulkActions bulkActions;
    private final java.time.Clock clock;

    AccountListController(AccountsInCollections accounts, AgentDirectory agents, ConsoleSettings settings,
                          io.dunwell.bulk.BulkActions bulkActions, java.time.Clock clock) {
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
        // without parameters the list follows the in-collections condition set in /settings
        OverdueCondition inCollections = settings.inCollections();
        AccountFilter filter = new AccountFilter(minDays == null ? inCollections.daysOverdue() : minDays,
                minBalance == null ? inCollections.amount() : minBalance, assigned, agent, status, bucket(bucket), q, sort, dir, page);
        model.addAttribute("filter", filter);
        model.addAttribute("result", accounts.find(filter, user.getName()));
        model.addAttribute("agents", agents.agents());
        // the built-in statuses and those added in the settings, so an account given a custom one can be found by it
        model.addAttribute("statuses", settings.collectionStatuses());
        model.addAttribute("bulkActions", bulkActions.actionsFor(user));
        model.addAttribute("today", java.time.LocalDate.now(clock).toString());
        model.addAttribute("buckets", settings.agingBuckets());
        return "accounts";
    }

    private AgingBucket bucket(String name) {
        try {
            return settings.agingBucketNamed(name).orElse(null);
        } catch (SettingRejected unknown) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, unknown.getMessage());
        }
    }
}
