package io.dunwell.api;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.bulk.BulkActions;
import io.dunwell.bulk.BulkRequest;
import io.dunwell.bulk.BulkResult;
import io.dunwell.reporting.AccountFilters;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.Download;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/bulk-actions")
@Tag(name = "Bulk actions")
class BulkActionController {

    private final BulkActions bulkActions;
    private final AccountsInCollections accountList;
    private final AccountFilters filters;

    BulkActionController(BulkActions bulkActions, AccountsInCollections accountList, AccountFilters filters) {
        this.bulkActions = bulkActions;
        this.accountList = accountList;
        this.filters = filters;
    }

    @PostMapping
    @Operation(summary = "Run a bulk action (or preview it) on accounts by id or by the accounts page's filter",
            description = "Each account is done all or nothing and reported DONE, SKIPPED or FAILED. Every request but a preview"
                    + " needs an Idempotency-Key header: the same key with the same body returns the stored result (replayed: true)"
                    + " and finishes a run that was cut off; the same key with another body is 409. Fees, write-off, agency"
                    + " placement, placement file, freeze and freeze rollback are for supervisors (403 for agents); these but the"
                    + " placement file refuse an empty filter (400). A write-off or fee run above the requester's limits is stored"
                    + " AWAITING_APPROVAL and books nothing until approved (see /{id}/approval).")
    BulkResult run(@RequestBody BulkActionRequest request,
                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication user) {
        return bulkActions.run(new BulkRequest(request.action(), accountIds(request, user), request.asOf(), request.parameters(),
                request.preview(), request.previewToken()), idempotencyKey, user);
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve or reject a write-off or fee run that awaits approval",
            description = "For members of the run's approver group (or admins) other than its requester (403). Approved, the run"
                    + " books its accounts once and answers with what it did; rejected, it books nothing. A run that is not awaiting"
                    + " approval (never needed it, or decided already) is 409.")
    BulkResult approve(@PathVariable Long id, @RequestBody BulkActionRequest.Approval approval, Authentication user) {
        return bulkActions.decide(id, approval.approve(), approval.note(), user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A bulk action as it was run: what it did per account")
    BulkResult get(@PathVariable Long id) {
        return bulkActions.find(id);
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "The file an export or placement made (CSV or XLSX)")
    ResponseEntity<byte[]> file(@PathVariable Long id) {
        var file = bulkActions.file(id);
        return Download.of(file.name(), MediaType.parseMediaType(file.contentType()), file.content());
    }

    private List<String> accountIds(BulkActionRequest request, Authentication user) {
        boolean byIds = request.accountIds() != null && !request.accountIds().isEmpty();
        if (byIds == (request.filter() != null)) {
            throw new BadRequestException("accountIds", "send either accountIds or a filter");
        }
        if (byIds) {
            return request.accountIds();
        }
        BulkActionRequest.Filter f = request.filter();
        if (f.narrowsNothing() && bulkActions.isDestructive(request.action())) {
            throw new BadRequestException("filter", "is empty: name the accounts in accountIds, or a filter (q, assigned, agent,"
                    + " status, bucket, minDays, minBalance) that narrows them; " + request.action() + " never runs on every account");
        }
        return accountList.allMatching(filters.accountsList(f.minDays(), f.minBalance(), f.assigned(), f.agent(), f.status(), f.bucket(),
                f.q(), f.sort(), f.dir(), 1), user.getName(), request.asOf());
    }
}
