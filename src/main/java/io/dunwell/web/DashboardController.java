package io.dunwell.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.reporting.AgingBuckets;
import io.dunwell.reporting.Cei;
import io.dunwell.reporting.Dso;
import io.dunwell.reporting.KeyMetrics;
import io.dunwell.reporting.Portfolio;
import io.dunwell.reporting.ScatterPoint;
import io.dunwell.reporting.Standing;
import io.dunwell.system.Money;

/** The console's front page: how the receivables stand, who works them, and how collection goes month over month. */
@Controller
class DashboardController {

    static final int SCATTER_LIMIT = 2_000;

    private final DashboardBuckets buckets;
    private final Portfolio portfolio;
    private final KeyMetrics metrics;
    private final Agents agents;
    private final ScriptJson json;
    private final Clock clock;

    DashboardController(Portfolio portfolio, KeyMetrics metrics, Agents agents, ScriptJson json, Clock clock,
                        DashboardBuckets buckets) {
        this.buckets = buckets;
        this.portfolio = portfolio;
        this.metrics = metrics;
        this.agents = agents;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String currency, Authentication user, Model model) {
        AgingBuckets buckets = this.buckets.current();
        List<String> currencies = portfolio.currencies();
        String plotted = currency != null && currencies.contains(currency) ? currency : currencies.stream().findFirst().orElse("EUR");
        Standing standing = portfolio.standing(null);
        List<Long> byAge = portfolio.inCollectionsByAge(buckets, null);
        List<ScatterPoint> points = portfolio.scatter(plotted, null, SCATTER_LIMIT);

        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("standing", standing);
        model.addAttribute("metrics", metrics.report(buckets));
        model.addAttribute("currencies", currencies);
        model.addAttribute("plotted", plotted);
        model.addAttribute("plottedCount", points.size());
        model.addAttribute("overdueCount", portfolio.overdueInCollections(plotted, null));
        model.addAttribute("agentLoads", portfolio.agents());
        model.addAttribute("agentNames", names(agents.list()));
        model.addAttribute("formulas", Map.of("dso", Dso.FORMULA, "cei", Cei.FORMULA,
                "adpd", KeyMetrics.AVERAGE_DAYS_PAST_DUE, "behind", KeyMetrics.FALLING_BEHIND, "kept", KeyMetrics.PROMISE_KEPT_RATE));
        model.addAttribute("chartData", json.write(Map.of(
                "standing", Map.of("goodStanding", standing.goodStanding(), "inCollections", standing.inCollections()),
                "buckets", buckets.names(),
                "inCollectionsByAge", byAge,
                "me", user.getName(),
                "currency", plotted,
                "digits", Money.currency(plotted).getDefaultFractionDigits(),
                "points", points.stream().map(point -> point(point, user.getName())).toList())));
        return "dashboard";
    }

    static Map<String, String> names(List<Agent> agents) {
        Map<String, String> names = new LinkedHashMap<>();
        agents.forEach(agent -> names.put(agent.userId(), agent.name()));
        return names;
    }

    private static Map<String, Object> point(ScatterPoint point, String me) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("x", point.daysPastDue());
        values.put("y", point.overdueBalance());
        values.put("id", point.externalId());
        values.put("name", point.name());
        values.put("agent", point.agent() == null ? "unassigned" : point.agent());
        values.put("mine", Objects.equals(point.agent(), me));
        return values;
    }
}
