package io.dunwell.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.dunwell.bulk.BulkActions;
import io.dunwell.bulk.BulkRequest;
import io.dunwell.bulk.BulkResult;
import io.dunwell.reporting.AccountFilter;
import io.dunwell.reporting.AccountFilters;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.Download;
import io.dunwell.system.NotFoundException;

/**
 * Bulk actions from the accounts page: the selection (or everything the filter matches) is
 * previewed first — amount per account for fees, the accounts for the rest — and the preview's
 * Confirm runs it under a key made when the preview was shown, so a double click or a reload runs
 * it once. The results page is the run as stored.
 */
@Controller
class BulkActionsController {

    private final BulkActions bulkActions;
    private final AccountsInCollections accountList;
    private final AccountFilters filters;

    BulkActionsController(BulkActions bulkActions, AccountsInCollections accountList, AccountFilters filters) {
        this.bulkActions = bulkActions;
        this.accountList = accountList;
        this.filters = filters;
    }

    @PostMapping("/accounts/bulk/preview")
    String preview(@RequestParam String action, @RequestParam(required = false) List<String> accountIds,
                   @RequestParam(defaultValue = "false") boolean allMatching, @RequestParam(required = false) LocalDate asOf,
                   @RequestParam MultiValueMap<String, String> form, Authentication user, Model model) {
        Map<String, Object> parameters = parametersOf(form);
        model.addAttribute("action", action);
        model.addAttribute("asOf", asOf == null ? "" : asOf.toString());
        model.addAttribute("parameters", parameters);
        model.addAttribute("key", UUID.randomUUID().toString());
        try {
            if (allMatching && narrowsNothing(form) && bulkActions.isDestructive(action)) {
                throw new BadRequestException("filter", "The filter is empty: tick the accounts, or filter them (search, agent,"
                        + " status, bucket, days, balance) before running this on every account that matches");
            }
            List<String> ids = allMatching ? accountList.allMatching(filterOf(form), user.getName(), asOf)
                    : accountIds == null ? List.of() : accountIds;
            model.addAttribute("result", bulkActions.run(new BulkRequest(action, ids, asOf, parameters, true, null), null, user));
        } catch (BadRequestException refused) {
            model.addAttribute("error", refused.getMessage());
        }
        return "bulk-preview";
    }

    @PostMapping("/accounts/bulk/confirm")
    String confirm(@RequestParam String action, @RequestParam List<String> accountIds, @RequestParam(required = false) LocalDate asOf,
                   @RequestParam String key, @RequestParam(required = false) String previewToken,
                   @RequestParam MultiValueMap<String, String> form, Authentication user, Model model) {
        Map<String, Object> parameters = parametersOf(form);
        try {
            BulkResult result = bulkActions.run(new BulkRequest(action, accountIds, asOf, parameters, false, previewToken), key, user);
            return "redirect:/accounts/bulk/" + result.id();
        } catch (BadRequestException | ConflictException refused) {
            model.addAttribute("action", action);
            model.addAttribute("asOf", asOf == null ? "" : asOf.toString());
            model.addAttribute("parameters", parameters);
            model.addAttribute("key", UUID.randomUUID().toString());
            model.addAttribute("error", refused.getMessage());
            return "bulk-preview";
        }
    }

    @GetMapping("/accounts/bulk/{id}")
    String result(@PathVariable Long id, Authentication user, Model model) {
        BulkResult result = found(() -> bulkActions.find(id));
        model.addAttribute("result", result);
        model.addAttribute("newKey", UUID.randomUUID().toString());
        model.addAttribute("mayDecide", bulkActions.mayDecide(result, user));
        return "bulk-result";
    }

    /** Approve or Reject on the run's page; the same checks as the API (403 for the requester), and the engine's listener behind them. */
    @PostMapping("/accounts/bulk/{id}/approval")
    String decide(@PathVariable Long id, @RequestParam boolean approve, @RequestParam(required = false) String note,
                  Authentication user, RedirectAttributes redirect) {
        try {
            found(() -> bulkActions.decide(id, approve, note, user));
            redirect.addFlashAttribute("notice", approve ? "Approved: the run is booked." : "Rejected: nothing is booked.");
        } catch (ConflictException decidedAlready) {
            redirect.addFlashAttribute("error", decidedAlready.getMessage());
        }
        return "redirect:/accounts/bulk/" + id;
    }

    @GetMapping("/accounts/bulk/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable Long id) {
        var file = found(() -> bulkActions.file(id));
        return Download.of(file.name(), MediaType.parseMediaType(file.contentType()), file.content());
    }

    /** An unknown run (or a run without a file) is the console's 404 page, not a server error. */
    private static <T> T found(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
        }
    }

    /** Whether the page's filter names nothing that narrows the accounts (the in-collections default only). */
    private static boolean narrowsNothing(MultiValueMap<String, String> form) {
        String assigned = form.getFirst("assigned");
        return Stream.of("q", "agent", "status", "bucket", "minDays", "minBalance")
                .allMatch(field -> form.getFirst(field) == null || form.getFirst(field).isBlank())
                && (assigned == null || assigned.isBlank() || assigned.equals("all"));
    }

    /** The action's fields are named {@code p.<parameter>}; empty ones are left out. */
    private static Map<String, Object> parametersOf(MultiValueMap<String, String> form) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            List<String> filled = values.stream().filter(value -> value != null && !value.isBlank()).toList();
            if (name.startsWith("p.") && !filled.isEmpty()) {
                parameters.put(name.substring(2), filled.size() == 1 ? filled.get(0) : filled);
            }
        });
        return parameters;
    }




    /** The accounts page's filter as its form sends it, with the page's defaults. */
    private AccountFilter filterOf(MultiValueMap<String, String> form) {
        return filters.accountsList(FormFields.wholeNumber("minDays", form.getFirst("minDays")),
                FormFields.amount("minBalance", form.getFirst("minBalance")),
                form.getFirst("assigned"), form.getFirst("agent"), form.getFirst("status"), form.getFirst("bucket"),
                form.getFirst("q"), form.getFirst("sort"), form.getFirst("dir"), 1);
    }
}
