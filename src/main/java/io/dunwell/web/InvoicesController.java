package io.dunwell.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceBrowser;
import io.dunwell.invoice.InvoiceBrowser.Filter;
import io.dunwell.invoice.InvoiceBrowser.Sort;
import io.dunwell.invoice.Invoices;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.OverdueCondition;

/** Critical invoices by the settings' conditions, and one invoice with what was applied to it. */
@Controller
class InvoicesController {

    private final InvoiceBrowser browser;
    private final Invoices invoices;
    private final ConsoleSettings settings;
    private final Clock clock;
    private final ObjectMapper objectMapper;

    private final Accounts accounts;

    InvoicesController(InvoiceBrowser browser, Invoices invoices, ConsoleSettings settings, Clock clock,
                       ObjectMapper objectMapper, Accounts accounts) {
        this.accounts = accounts;
        this.objectMapper = objectMapper;
        this.browser = browser;
        this.invoices = invoices;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/invoices")
    String critical(@RequestParam(required = false) String status, @RequestParam(required = false) String currency,
                    @RequestParam(required = false) String agent, @RequestParam(required = false) String q,
                    @RequestParam(defaultValue = "OLDEST") Sort sort, @RequestParam(defaultValue = "1") int page,
                    @RequestParam(required = false) String at, Locale viewer, Model model) {
        OverdueCondition critical = settings.criticalInvoices();
        ConsoleAmounts amounts = new ConsoleAmounts(viewer);
        Filter filter = new Filter(accounts.todayEverywhere(), critical.daysOverdue(), critical.amount(), status, currency, agent, q, sort);
        model.addAttribute("condition", critical);
        try {
            model.addAttribute("page", browser.critical(filter, page, at == null || at.isBlank() ? null : InvoiceBrowser.Cursor.parse(at)));
        } catch (IllegalArgumentException notACursor) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "That page link is broken: start again from the first page.");
        }
        List<Map<String, Object>> plot = browser.plot(filter).stream()
                .map(row -> Map.<String, Object>of("x", row.daysOverdue(), "y", row.balance(), "id", row.externalId(),
                        "label", row.number() + " · " + row.accountName() + " · " + amounts.format(row.balance(), row.currency()) + " " + row.currency()))
                .toList();
        model.addAttribute("plotSize", plot.size());
        model.addAttribute("plotJson", json(plot));
        model.addAttribute("statuses", settings.collectionStatuses());
        model.addAttribute("currencies", browser.currencies());
        model.addAttribute("agents", browser.agents());
        model.addAttribute("sorts", List.of(Sort.values()));
        model.addAttribute("filter", filter);
        model.addAttribute("q", q == null ? "" : q);
        return "invoices";
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/invoices/{externalId}")
    String invoice(@PathVariable String externalId, Model model) {
        Invoices.InvoiceView view = invoices.view(externalId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No invoice " + externalId));
        model.addAttribute("invoice", view.invoice());
        model.addAttribute("accountExternalId", view.accountExternalId());
        // counted where the customer is, as the dunning counts it
        LocalDate today = accounts.require(view.accountExternalId()).today(clock);
        model.addAttribute("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(view.invoice().getDueDate(), today)));
        model.addAttribute("allocations", browser.allocations(view.invoice().getId()));
        return "invoice";
    }
}
