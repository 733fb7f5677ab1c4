package io.dunwell.web;

import java.nio.charset.StandardCharsets;

import org.springframework.ui.Model;
import org.springframework.web.util.UriUtils;

import io.dunwell.account.Account;
import io.dunwell.invoice.Balances;
import io.dunwell.worklist.BasketEntry;

/** What the worklist pages and the collection session's page share. */
final class WorklistPages {

    /** A picked account in the basket's list: its standing now and, once worked, the outcome. */
    public record Line(Account account, Balances balances, BasketEntry entry) {
    }

    private WorklistPages() {
    }

    /** Set for every console page by {@link ConsoleUser}. */
    static boolean supervisor(Model model) {
        return Boolean.TRUE.equals(model.getAttribute("supervisor"));
    }

    static String sessionPage(String processInstanceId) {
        return "/worklists/sessions/" + UriUtils.encodePathSegment(processInstanceId, StandardCharsets.UTF_8);
    }
}
