package io.dunwell.approval;

import java.util.Comparator;
import java.util.List;

import io.dunwell.system.security.Roles;

/**
 * The approver groups from weakest to strongest: a run in several currencies needs the strongest
 * group any of them calls for, and an admin may approve what supervisors may.
 */
public final class ApproverGroups {

    private static final List<String> ORDER = List.of(Roles.SUPERVISORS_GROUP, Roles.ADMINS_GROUP);

    /** Null (no approval needed) ranks lowest, a group the table names but this list does not, highest. */
    public static final Comparator<String> WEAKEST_FIRST = Comparator.comparingInt(ApproverGroups::rank);

    private ApproverGroups() {
    }

    static int rank(String group) {
        if (group == null) {
            return -1;
        }
        int index = ORDER.indexOf(group);
        return index < 0 ? ORDER.size() : index;
    }

    /** Whether a member of {@code memberOf} (their strongest group) may approve what {@code needed} must. */
    public static boolean covers(String memberOf, String needed) {
        return memberOf != null && (memberOf.equals(needed) || ORDER.contains(memberOf) && rank(memberOf) >= rank(needed));
    }
}
