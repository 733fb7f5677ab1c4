package io.dunwell.agent;

/** A member of the agents group as the console lists them. */
public record Agent(String userId, String name, String email, boolean active, String escalationPoint) {
}
