package io.dunwell.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Receivables;
import io.dunwell.timeline.Timeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountController {

    private final Accounts accounts;
    private final Receivables receivables;
    private final Timeline timeline;
    private final OpenCases openCases;

    AccountController(Accounts accounts, Receivables receivables, Timeline timeline, OpenCases openCases) {
        this.accounts = accounts;
        this.receivables = receivables;
        this.timeline = timeline;
        this.openCases = openCases;
    }

    @PutMapping("/{externalId}")
    @Operation(summary = "Create or update an account by the billing system's id (201 when created, 200 when updated)")
    ResponseEntity<AccountResponse> put(@PathVariable String externalId, @RequestBody AccountRequest request) {
        Accounts.Upserted upserted = accounts.upsert(externalId, request.details());
        Account account = upserted.account();
        if (request.contactPreferences() != null) {
            accounts.changeContactPreferences(account.getId(), request.contactPreferences().over(account.contactPreferences()));
            account = accounts.get(account.getId());
        }
        return ResponseEntity.status(upserted.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(account));
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "Balances, oldest days past due, collection status, agent and the open dunning case")
    AccountResponse get(@PathVariable String externalId) {
        return view(accounts.require(externalId));
    }

    @GetMapping("/{externalId}/timeline")
    @Operation(summary = "Everything that happened to the account, oldest first")
    List<TimelineEntryResponse> timeline(@PathVariable String externalId) {
        Account account = accounts.require(externalId);
        return timeline.of(account.getId()).stream().map(TimelineEntryResponse::of).toList();
    }

    private AccountResponse view(Account account) {
        return AccountResponse.of(account, receivables.balancesOf(account), openCases.of(account.getExternalId()));
    }
}
