/**
 * Agent profiles on top of Camunda's identity service: whether an agent is active (may be assigned
 * accounts) and who an agent hands an escalation to. Agents and supervisors themselves are Camunda
 * users, managed in Camunda Admin.
 */
package io.dunwell.agent;
