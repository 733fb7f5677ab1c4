package io.dunwell.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import io.dunwell.agent.Agent;
import io.dunwell.agent.Agents;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.ContactPreferences;
import io.dunwell.account.Accounts;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.SettingRejected;
import io.dunwell.dunning.CaseProgress;
import io.dunwell.dunning.DunningCases;
import io.dunwell.invoice.Receivables;
import io.dunwell.payment.Payment;
import io.dunwell.payment.Payments;
import io.dunwell.promise.Installment;
import io.dunwell.promise.PromiseToPay;
import io.dunwell.promise.Promises;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/**
 * One account as an agent works it: what is owed, what was paid and promised, where the dunning
 * case stands and everything that happened. Supervisors correct contact details and assign agents.
 */
@Controller
class AccountPageController {

    static final int LATEST_TIMELINE = 100;
    static final int LATEST_PAYMENTS = 50;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Accounts accounts;
    private final Receivables receivables;
    private final Payments payments;
    private final Promises promises;
    private final Timeline timeline;
    private final DunningCases cases;
    private final CaseProgress progress;
    private final Agents agents;
    private final ConsoleSettings settings;
    private final Clock clock;

    AccountPageController(Accounts accounts, Receivables receivables, Payments payments, Promises promises,
                          Timeline timeline, DunningCases cases, CaseProgress progress, Agents agents,
                          ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.receivables = receivables;
        this.payments = payments;
        this.promises = promises;
        this.timeline = timeline;
        this.cases = cases;
        this.progress = progress;
        this.agents = agents;
        this.clock = clock;
    }

    /** Camunda Tasklist's forms link here. */
    @GetMapping("/console/accounts/{externalId}")
    String fromTasklist(@PathVariable String externalId) {
        return "redirect:" + page(externalId);
    }

    /** A long-standing customer has thousands of entries: the page shows the latest unless asked for all ({@code ?all=true}). */
    @GetMapping("/accounts/{externalId}")
    String show(@PathVariable String externalId, @RequestParam(defaultValue = "false") boolean all, Model model) {
        Account account = find(externalId);
        model.addAttribute("contact", account.details());
        model.addAttribute("all", all);
        return render(account, model);
    }

    @PostMapping("/accounts/{externalId}/contact")
    ModelAndView editContact(@PathVariable String externalId, @ModelAttribute ContactForm form, RedirectAttributes redirect) {
        Account account = find(externalId);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            accounts.upsert(externalId, form.details());
        } catch (BadRequestException refused) {
            refused.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
        } catch (ConflictException currencyLocked) {
            errors.put("currency", currencyLocked.getMessage());
        }
        if (errors.isEmpty()) {
            accounts.changeContactPreferences(account.getId(), form.preferences());
            redirect.addFlashAttribute("notice", "Contact details saved.");
            return new ModelAndView("redirect:" + page(externalId));
        }
        ModelAndView view = new ModelAndView();
        view.addObject("contact", form.details());
        view.addObject("contactErrors", errors);
        view.setViewName(render(account, view.getModelMap()));
        view.setStatus(HttpStatus.BAD_REQUEST);
        return view;
    }

    @PostMapping("/accounts/{externalId}/agent")
    String assign(@PathVariable String externalId, @RequestParam(required = false) String agent, RedirectAttributes redirect) {
        Account account = find(externalId);
        String chosen = agent == null || agent.isBlank() ? null : agent;
        if (chosen != null && !agents.find(chosen).map(Agent::active).orElse(false)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, chosen + " is not an agent");
        }
        accounts.assignAgent(account.getId(), chosen);
        redirect.addFlashAttribute("notice", chosen == null ? "Account unassigned." : "Assigned to " + chosen + ".");
        return "redirect:" + page(externalId);
    }

    /** Agents and supervisors alike: the status is part of working the account. */
    @PostMapping("/accounts/{externalId}/status")
    String status(@PathVariable String externalId, @RequestParam String status, RedirectAttributes redirect) {
        Account account = find(externalId);
        try {
            settings.assignCollectionStatus(account.getId(), status);
        } catch (SettingRejected refused) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refused.getMessage());
        }
        redirect.addFlashAttribute("notice", "Collection status set to " + status.replace('_', ' ').toLowerCase(Locale.ROOT) + ".");
        return "redirect:" + page(externalId);
    }

    private String render(Account account, Map<String, Object> model) {
        model.put("account", account);
        model.put("balances", receivables.balancesOf(account));
        model.put("invoices", receivables.openInvoicesOf(account.getId()));
        boolean all = Boolean.TRUE.equals(model.get("all"));
        List<Payment> newestPayments = all ? new ArrayList<>(payments.of(account.getId())) : payments.latest(account.getId(), LATEST_PAYMENTS);
        if (all) {
            Collections.reverse(newestPayments);
        }
        model.put("payments", newestPayments);
        model.put("paymentCount", all ? newestPayments.size() : payments.count(account.getId()));
        model.put("promises", promises.of(account.getId()).stream()
                .map(promise -> new PromiseView(promise, promises.installmentsOf(promise.getId()))).toList());
        List<TimelineEntry> entries = all ? timeline.of(account.getId()) : timeline.latest(account.getId(), LATEST_TIMELINE);
        model.put("timeline", entries);
        model.put("timelineCount", all ? entries.size() : timeline.count(account.getId()));
        model.put("dunningCase", cases.activeFor(account.getId()).orElse(null));
        model.put("openCase", progress.of(account.getExternalId()).orElse(null));
        model.put("agents", agents.active());
        if (account.getAssignedAgent() != null) {
            model.put("agentName", agents.nameOf(account.getAssignedAgent()));
        }
        model.put("assignableStatuses", settings.assignableStatuses());
        model.put("dateTime", DATE_TIME);
        model.put("today", account.today(clock));
        return "account";
    }

    private String render(Account account, Model model) {
        return render(account, model.asMap());
    }

    private Account find(String externalId) {
        return accounts.find(externalId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + externalId));
    }

    private static String page(String externalId) {
        return "/accounts/" + UriUtils.encodePathSegment(externalId, StandardCharsets.UTF_8);
    }

    /** The contact details as the form posts them; blank fields become nothing, as in the API. */
    record ContactForm(String name, String email, String phone, String locale, String timeZone, String currency, String segment,
                       Boolean doNotEmail, Boolean doNotSms, Boolean doNotCall) {

        AccountDetails details() {
            return new AccountDetails(name, email, phone, locale, timeZone, currency, segment);
        }

        /** An unticked box is not sent at all: absent means no. */
        ContactPreferences preferences() {
            return new ContactPreferences(Boolean.TRUE.equals(doNotEmail), Boolean.TRUE.equals(doNotSms), Boolean.TRUE.equals(doNotCall));
        }
    }

    /** A promise with its installments, in order. */
    public record PromiseView(PromiseToPay promise, List<Installment> installments) {
    }
}
