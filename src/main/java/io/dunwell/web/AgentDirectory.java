package io.dunwell.web;

import java.util.List;

import org.springframework.stereotype.Component;

import io.dunwell.agent.Agents;

/** The people accounts can be assigned to: the active members of Camunda's agents group. */
@Component
class AgentDirectory {

    public record Agent(String id, String name) {
    }

    private final Agents agents;

    AgentDirectory(Agents agents) {
        this.agents = agents;
    }

    List<Agent> agents() {
        return agents.list().stream().filter(io.dunwell.agent.Agent::active)
                .map(agent -> new Agent(agent.userId(), agent.name())).toList();
    }

    /** The agent's name, deactivated or not (their accounts keep them); the user id when there is no such agent. */
    String nameOf(String userId) {
        return agents.find(userId).map(io.dunwell.agent.Agent::name).orElse(userId);
    }

    /** Whether the user is an agent who may take on accounts: deactivated agents keep their history but get no new ones. */
    boolean isAgent(String userId) {
        return agents.find(userId).map(io.dunwell.agent.Agent::active).orElse(false);
    }
}
