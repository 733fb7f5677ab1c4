package io.dunwell.web;

import static org.apache.commons.lang3.StringUtils.stripToNull;

import static io.dunwell.web.WorklistPages.sessionPage;
import static io.dunwell.web.WorklistPages.supervisor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;
import io.dunwell.notes.Notes;
import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.ConflictException;
import io.dunwell.system.NotFoundException;
import io.dunwell.timeline.Timeline;
import io.dunwell.worklist.Baskets;
import io.dunwell.worklist.Basket;
import io.dunwell.worklist.CollectionSessions;
import io.dunwell.worklist.SessionPromises;
import io.dunwell.worklist.SessionTurn;

/**
 * A collection session in the console: the account at hand with everything for the call on one
 * screen — contact details (the agent may correct email and phone), unpaid invoices and totals
 * (refreshed in place after a payment), notes, a promise, the timeline — and Complete / Skip,
 * which completes the engine's task and shows the next account, or Abandon, which ends the session
 * and leaves the basket pending. Only the session's agent and
 * supervisors may act; every action checks the account is still the one at hand.
 */
@Controller
class CollectionSessionController {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final CollectionSessions sessions;
    private final SessionPromises promises;
    private final Accounts accounts;
    private final Receivables receivables;
    private final Payments payments;
    private final Notes notes;
    private final Timeline timeline;
    private final Clock clock;

    CollectionSessionController(CollectionSessions sessions, SessionPromises promises, Accounts accounts,
                                Receivables receivables, Payments payments, Notes notes, Timeline timeline, Clock clock) {
        this.sessions = sessions;
        this.promises = promises;
        this.accounts = accounts;
        this.receivables = receivables;
        this.payments = payments;
        this.notes = notes;
        this.timeline = timeline;
        this.clock = clock;
    }

    @GetMapping("/worklists/sessions/{processInstanceId}")
    String show(@PathVariable String processInstanceId, Authentication user, Model model) {
        SessionTurn turn = turn(processInstanceId);
        Baskets.checkMayWork(turn.basket(), user.getName(), supervisor(model));
        model.addAttribute("turn", turn);
        model.addAttribute("basket", turn.basket());
        model.addAttribute("processInstanceId", processInstanceId);
        model.addAttribute("dateTime", DATE_TIME);
        model.addAttribute("outcomes", turn.basket().getEntries().stream()
                .map(entry -> new WorklistPages.Line(accounts.get(entry.getAccountId()), null, entry)).toList());
        if (turn.isWorkingAccounts()) {
            Account account = accounts.get(turn.accountId());
            model.addAttribute("account", account);
            addTotals(account, model);
            model.addAttribute("timeline", reversed(timeline.of(account.getId())));
            model.addAttribute("paymentId", UUID.randomUUID().toString());
        }
        return "session";
    }

    @PostMapping("/worklists/sessions/{processInstanceId}/accounts/{accountId}/outcome")
    String work(@PathVariable String processInstanceId, @PathVariable Long accountId, @RequestParam(required = false) String outcome,
                @RequestParam(required = false) String outcomeReason, @RequestParam(required = false) String note,
                Authentication user, Model model, RedirectAttributes redirect) {
        act(redirect, () -> {
            sessions.work(processInstanceId, accountId, outcome, outcomeReason, note, user.getName(), supervisor(model));
            // a name often ends with its own full stop ("Riverbend Foods Corp.")
            String name = accounts.get(accountId).getName();
            return ("skipped".equalsIgnoreCase(outcome) ? "Skipped " : "Completed ") + name + (name.endsWith(".") ? "" : ".");
        });
        return "redirect:" + sessionPage(processInstanceId);
    }

    @PostMapping("/worklists/sessions/{processInstanceId}/complete")
    String complete(@PathVariable String processInstanceId, Authentication user, Model model, RedirectAttributes redirect) {
        SessionTurn turn = turn(processInstanceId);
        boolean done = act(redirect, () -> {
            sessions.complete(processInstanceId, user.getName(), supervisor(model));
            return "Session \"" + turn.basket().getName() + "\" completed.";
        });
        return "redirect:" + (done ? "/worklists/baskets/" + turn.basket().getId() : sessionPage(processInstanceId));
    }

    @PostMapping("/worklists/sessions/{processInstanceId}/abandon")
    String abandon(@PathVariable String processInstanceId, Authentication user, Model model, RedirectAttributes redirect) {
        SessionTurn turn = turn(processInstanceId);
        boolean done = act(redirect, () -> {
            Basket basket = sessions.abandon(processInstanceId, user.getName(), supervisor(model));
            return "Session abandoned: " + basket.workedCount() + " of " + basket.getEntries().size()
                    + " accounts worked keep their outcomes; the basket is pending again.";
        });
        return "redirect:" + (done ? "/worklists/baskets/" + turn.basket().getId() : sessionPage(processInstanceId));
    }

    @PostMapping("/worklists/sessions/{processInstanceId}/accounts/{accountId}/notes")
    String addNote(@PathVariable String processInstanceId, @PathVariable Long accountId, @RequestParam(required = false) String body,
                   Authentication user, Model model, RedirectAttributes redirect) {
        act(redirect, () -> {
            atHand(processInstanceId, accountId, user, model);
            notes.add(notes.ofAccount(accounts.externalIdOf(accountId)), user.getName(), body, null, List.of());
            return "Note added.";
        });
        return "redirect:" + sessionPage(processInstanceId);
    }

    @PostMapping("/worklists/sessions/{processInstanceId}/accounts/{accountId}/contact")
    String updateContact(@PathVariable String processInstanceId, @PathVariable Long accountId,
                         @RequestParam(required = false) String email, @RequestParam(required = false) String phone,
                         Authentication user, Model model, RedirectAttributes redirect) {
        act(redirect, () -> {
            atHand(processInstanceId, accountId, user, model);
            return accounts.changeContact(accountId, email, phone, user.getName()) ? "Contact details saved." : "Nothing changed.";
        });
        return "redirect:" + sessionPage(processInstanceId);
    }

    @PostMapping("/worklists/sessions/{processInstanceId}/accounts/{accountId}/promise")
    String recordPromise(@PathVariable String processInstanceId, @PathVariable Long accountId,
                         @RequestParam(required = false) String promiseDate, @RequestParam(required = false) String promiseAmount,
                         @RequestParam(defaultValue = "1") int installmentCount,
                         @RequestParam(defaultValue = "P1M") String installmentInterval,
                         @RequestParam(required = false) String promiseNote, Authentication user, Model model,
                         RedirectAttributes redirect) {
        act(redirect, () -> {
            atHand(processInstanceId, accountId, user, model);
            Period interval = Period.parse(List.of("P7D", "P14D", "P1M").contains(installmentInterval) ? installmentInterval : "P1M");
            SessionPromises.Tracking tracking = promises.record(accountId,
                    new SessionPromises.Terms(FormFields.date("promiseDate", promiseDate), FormFields.amount("promiseAmount", promiseAmount), installmentCount,
                            interval, promiseNote), user.getName());
            return tracking == SessionPromises.Tracking.BY_DUNNING_CASE
                    ? "Promise recorded as the outcome of the dunning case's call: the case confirms it to the customer and checks it."
                    : "Promise recorded. No dunning case waits for a call on this account, so nothing reminds or checks it automatically.";
        });
        return "redirect:" + sessionPage(processInstanceId);
    }

    /** htmx: books the payment and answers with the totals and unpaid invoices as they are now. */
    @PostMapping("/worklists/sessions/{processInstanceId}/accounts/{accountId}/payment")
    String postPayment(@PathVariable String processInstanceId, @PathVariable Long accountId,
                       @RequestParam(required = false) String amount, @RequestParam(required = false) String reference,
                       @RequestParam(required = false) String paymentId, Authentication user, Model model) {
        Account account = accounts.get(accountId);
        try {
            atHand(processInstanceId, accountId, user, model);
            // the id comes with the page: a double click books one payment
            payments.record(new PaymentCommand("console-" + (paymentId == null || paymentId.isBlank() ? UUID.randomUUID() : paymentId),
                    account.getExternalId(), FormFields.amount("amount", amount), account.getCurrency(), clock.instant(), stripToNull(reference), List.of()));
            model.addAttribute("paymentNotice", "Payment of " + amount.trim() + " " + account.getCurrency() + " posted.");
        } catch (BadRequestException refused) {
            model.addAttribute("paymentError", "No payment posted: " + refused.getMessage());
        } catch (ConflictException refused) {
            model.addAttribute("paymentError", "No payment posted: " + refused.getMessage());
        }
        model.addAttribute("account", account);
        model.addAttribute("processInstanceId", processInstanceId);
        model.addAttribute("paymentId", UUID.randomUUID().toString());
        addTotals(account, model);
        return "session-totals";
    }

    private void addTotals(Account account, Model model) {
        model.addAttribute("balances", receivables.balancesOf(account));
        model.addAttribute("invoices", receivables.invoicesOf(account.getId()).stream().filter(Invoice::isOpen).toList());
        model.addAttribute("today", account.today(clock));
    }

    private void atHand(String processInstanceId, Long accountId, Authentication user, Model model) {
        try {
            sessions.requireAtHand(processInstanceId, accountId, user.getName(), supervisor(model));
        } catch (NotFoundException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
        }
    }

    private SessionTurn turn(String processInstanceId) {
        try {
            return sessions.current(processInstanceId);
        } catch (NotFoundException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
        }
    }

    /** Runs the action; a refusal becomes the page's error message, success its notice. Whether it succeeded. */
    private static boolean act(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return true;
        } catch (BadRequestException refused) {
            redirect.addFlashAttribute("error", "Nothing saved: " + refused.getMessage());
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return false;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }



}
