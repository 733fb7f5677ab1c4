package io.dunwell.system.security;

import java.util.Collection;
import java.util.Set;

/**
 * Which engine task a user may act on. An agent works a task assigned to them, or one nobody has
 * claimed yet that is offered to them or to one of their groups, never a colleague's. A supervisor
 * may also work, claim and hand on every task of the collection team (offered to agents or
 * supervisors), but not one meant for admins alone, such as a large write-off's approval. Admins
 * may act on every task. Whoever asked for an approval never approves it.
 */
record TaskAccess(String user, Set<String> groups) {

    /** Groups whose tasks a supervisor oversees. */
    private static final Set<String> TEAM = Set.of(Roles.AGENTS_GROUP, Roles.SUPERVISORS_GROUP);

    /** The variable an approval's process names its requester in (set by a delegate, never by a form). */
    static final String REQUESTED_BY = "requestedBy";

    /** An approval task's definition key starts so: its requester may not complete it. */
    static final String APPROVAL_TASK_PREFIX = "Task_Approve";

    /** What the guard knows of a task. */
    record EngineTask(String definitionKey, String assignee, Collection<String> candidateUsers, Collection<String> candidateGroups,
                      String requestedBy) {

        boolean ofTheTeam() {
            return !candidateGroups.isEmpty() ? TEAM.containsAll(candidateGroups) : true;
        }

        boolean isApproval() {
            return definitionKey != null && definitionKey.startsWith(APPROVAL_TASK_PREFIX);
        }
    }

    boolean isAdmin() {
        return groups.contains(Roles.ADMINS_GROUP);
    }

    private boolean isSupervisor() {
        return isAdmin() || groups.contains(Roles.SUPERVISORS_GROUP);
    }

    /** Complete, claim, comment on, change the dates of. */
    boolean mayWork(EngineTask task) {
        if (isAdmin() || oversees(task)) {
            return true;
        }
        if (task.assignee() != null) {
            return task.assignee().equals(user);
        }
        return task.candidateUsers().contains(user) || task.candidateGroups().stream().anyMatch(groups::contains);
    }

    /** Give to someone else, delegate, change who it is offered to. */
    boolean mayAssign(EngineTask task) {
        return isAdmin() || oversees(task);
    }

    /** Four eyes: the requester of an approval never completes it, whatever their role. */
    boolean mayComplete(EngineTask task) {
        return mayWork(task) && !(task.isApproval() && user.equals(task.requestedBy()));
    }

    private boolean oversees(EngineTask task) {
        return isSupervisor() && task.ofTheTeam();
    }
}
