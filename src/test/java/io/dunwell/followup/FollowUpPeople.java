package io.dunwell.followup;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;

import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/** Fresh accounts and users for one test, so that no two tests share an assignee's mail or tasks. */
public class FollowUpPeople {

    private final Accounts accounts;
    private final IdentityService identity;

    public FollowUpPeople(Accounts accounts, IdentityService identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    public Account account(String name, String timeZone) {
        return accounts.upsert("ACC-" + UUID.randomUUID(), new AccountDetails(name, "ap-" + UUID.randomUUID() + "@customer.example",
                null, "en-US", timeZone, "EUR", null)).account();
    }

    public String agent() {
        return user("fuagent", Roles.AGENTS_GROUP);
    }

    public String supervisor() {
        return user("fusuper", Roles.SUPERVISORS_GROUP);
    }

    public String user(String prefix, String group) {
        String id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestUsers.ensure(identity, id, group);
        return id;
    }

    public static String mailOf(String userId) {
        return userId + "@dunwell.test";
    }
}
