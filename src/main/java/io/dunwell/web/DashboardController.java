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
import io.dunwell.notification.MailOutage;
import io.dunwell.notification.MailOutages;
import io.dunwell.reporting.AgentLoad;
import io.dunwell.reporting.Cei;
import io.dunwell.reporting.Dso;
import io.dunwell.reporting.KeyMetrics;
import io.dunwell.reporting.KeyMetricsReport;
import io.dunwell.reporting.Portfolio;
import io.dunwell.reporting.RecentFigures;
import io.dunwell.reporting.ScatterPoint;
import io.dunwell.reporting.Standing;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.system.Money;

/** The console's front page: how the receivables stand, who works them, and how collection goes month over month. */
@Controller
class DashboardController {

    static final int SCATTER_LIMIT = 2_000;

    private final ConsoleSettings settings;
    private final Portfolio portfolio;
    private final KeyMetrics metrics;
    private final Agents agents;
    private final ScriptJson json;
    private final Clock clock;
    private final RecentFigures recent;
    private final MailOutages mailOutages;

    DashboardController(Portfolio portfolio, KeyMetrics metrics, Agents agents, ScriptJson json, Clock clock,
                        ConsoleSettings settings, RecentFigures recent, MailOutages mailOutages) {
        this.mailOutages = mailOutages;
        this.settings = settings;
        this.recent = recent;
        this.portfolio = portfolio;
        this.metrics = metrics;
        this.agents = agents;
        this.json = json;
        this.clock = clock;
    }

    /** What the page shows of the whole portfolio, computed together; see {@link RecentFigures} for why and how long it is kept. */
    record Figures(Standing standing, List<Long> byAge, List<ScatterPoint> points, long overdueCount, List<AgentLoad> agentLoads,
                   KeyMetricsReport metrics) {
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String currency, Authentication user, Model model) {
        AgingBuckets buckets = settings.agingBuckets();
        OverdueCondition inCollections = settings.inCollections();
        List<String> currencies = recent.get("currencies", portfolio::currencies).value();
        String plotted = currency != null && currencies.contains(currency) ? currency : currencies.stream().findFirst().orElse("EUR");
        RecentFigures.Figure<Figures> recentFigures = recent.get(List.of("dashboard", buckets, inCollections, plotted), () -> new Figures(
                portfolio.standing(inCollections, null), portfolio.inCollectionsByAge(buckets, inCollections, null),
                portfolio.scatter(plotted, inCollections, null, SCATTER_LIMIT), portfolio.overdueInCollections(plotted, inCollections, null),
                portfolio.agents(), metrics.report(buckets)));
        Figures figures = recentFigures.value();
        Standing standing = figures.standing();

        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("asOf", RecentFigures.AS_OF.format(recentFigures.asOf()));
        // read now, not from the kept figures: an outage must show the minute it starts and go when it ends
        MailOutage mailOutage = mailOutages.now();
        model.addAttribute("mailOutage", mailOutage);
        model.addAttribute("mailWaitingSince", mailOutage.waitingSince() == null ? "" : RecentFigures.AS_OF.format(mailOutage.waitingSince()));
        model.addAttribute("standing", standing);
        model.addAttribute("metrics", figures.metrics());
        model.addAttribute("currencies", currencies);
        model.addAttribute("plotted", plotted);
        model.addAttribute("plottedCount", figures.points().size());
        model.addAttribute("overdueCount", figures.overdueCount());
        model.addAttribute("agentLoads", figures.agentLoads());
        model.addAttribute("agentNames", names(agents.list()));
        model.addAttribute("formulas", Map.of("dso", Dso.FORMULA, "cei", Cei.FORMULA,
                "adpd", KeyMetrics.AVERAGE_DAYS_PAST_DUE, "behind", KeyMetrics.FALLING_BEHIND, "kept", KeyMetrics.PROMISE_KEPT_RATE));
        model.addAttribute("chartData", json.write(Map.of(
                "standing", Map.of("goodStanding", standing.goodStanding(), "inCollections", standing.inCollections()),
                "buckets", buckets.names(),
                "inCollectionsByAge", figures.byAge(),
                "me", user.getName(),
                "currency", plotted,
                "digits", Money.currency(plotted).getDefaultFractionDigits(),
                "points", figures.points().stream().map(point -> point(point, user.getName())).toList())));
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
