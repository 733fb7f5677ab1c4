package io.dunwell.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.reporting.AgentLoad;
import io.dunwell.reporting.Portfolio;
import io.dunwell.reporting.RecentFigures;
import io.dunwell.reporting.Standing;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;
import io.dunwell.system.BadRequestException;

/** The agents, whether they take on accounts, whom they escalate to, and each one's accounts. */
@Controller
class AgentsController {

    private static final int ACCOUNT_LIMIT = 500;

    private final Agents agents;
    private final ConsoleSettings settings;
    private final Portfolio portfolio;
    private final ScriptJson json;
    private final RecentFigures recent;

    AgentsController(Agents agents, Portfolio portfolio, ScriptJson json, ConsoleSettings settings, RecentFigures recent) {
        this.settings = settings;
        this.recent = recent;
        this.agents = agents;
        this.portfolio = portfolio;
        this.json = json;
    }

    @GetMapping("/agents")
    String list(Model model) {
        model.addAttribute("agents", agents.list());
        // every agent's load is an aggregate over all accounts, kept a few minutes like the dashboard's figures
        RecentFigures.Figure<List<AgentLoad>> loads = recent.get("agentLoads", portfolio::agents);
        model.addAttribute("loads", loads.value().stream().filter(load -> load.agent() != null)
                .collect(Collectors.toMap(AgentLoad::agent, Function.identity())));
        model.addAttribute("loadsAsOf", RecentFigures.AS_OF.format(loads.asOf()));
        model.addAttribute("supervisors", agents.supervisors());
        return "agents";
    }

    @GetMapping("/agents/{userId}")
    String show(@PathVariable String userId, Model model) {
        Agent agent = agents.find(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no agent " + userId));
        AgingBuckets buckets = settings.agingBuckets();
        OverdueCondition inCollections = settings.inCollections();
        Standing standing = portfolio.standing(inCollections, userId);
        model.addAttribute("agent", agent);
        model.addAttribute("standing", standing);
        model.addAttribute("load", portfolio.agent(userId).orElse(null));
        model.addAttribute("accounts", portfolio.assignedTo(userId, ACCOUNT_LIMIT));
        model.addAttribute("accountLimit", ACCOUNT_LIMIT);
        model.addAttribute("supervisors", agents.supervisors());
        model.addAttribute("chartData", json.write(Map.of(
                "byStatus", standing.byStatus(),
                "buckets", buckets.names(),
                "inCollectionsByAge", portfolio.inCollectionsByAge(buckets, inCollections, userId))));
        return "agent";
    }

    @PostMapping("/agents/{userId}/active")
    String setActive(@PathVariable String userId, @RequestParam boolean active) {
        requireAgent(userId);
        agents.setActive(userId, active);
        return "redirect:/agents/" + userId;
    }

    @PostMapping("/agents/{userId}/escalation-point")
    String setEscalationPoint(@PathVariable String userId, @RequestParam(required = false) String supervisor) {
        requireAgent(userId);
        agents.setEscalationPoint(userId, supervisor == null || supervisor.isBlank() ? null : supervisor);
        return "redirect:/agents/" + userId;
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<String> refused(BadRequestException refusal) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(refusal.getMessage());
    }

    private void requireAgent(String userId) {
        if (agents.find(userId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no agent " + userId);
        }
    }
}
