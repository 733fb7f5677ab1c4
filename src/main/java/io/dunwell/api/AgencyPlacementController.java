package io.dunwell.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.AgencyPlacement;
import io.dunwell.dunning.AgencyPlacements;
import io.dunwell.system.Download;
import io.dunwell.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/agency-placements")
@Tag(name = "Agency placements")
class AgencyPlacementController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Accounts accounts;
    private final AgencyPlacements placements;

    AgencyPlacementController(Accounts accounts, AgencyPlacements placements) {
        this.accounts = accounts;
        this.placements = placements;
    }

    @GetMapping
    @Operation(summary = "The account's placements with collection agencies, oldest first")
    List<AgencyPlacementResponse> list(@RequestParam String accountId) {
        Account account = accounts.require(accountId);
        return placements.of(account.getId()).stream().map(p -> AgencyPlacementResponse.of(p, accountId)).toList();
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "The placement file sent to the agency: CSV, one row per invoice open at placement")
    ResponseEntity<String> file(@PathVariable Long id) {
        AgencyPlacement placement = placements.find(id).orElseThrow(() -> new NotFoundException("No agency placement " + id));
        return Download.of(placement.getFileName(), CSV, placement.getFileContent());
    }
}
