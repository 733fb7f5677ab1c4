package io.dunwell.api;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.account.Accounts;
import io.dunwell.system.ConflictException;
import io.dunwell.system.Recorded;
import io.dunwell.system.security.Roles;
import io.dunwell.worklist.Basket;
import io.dunwell.worklist.BasketStatements;
import io.dunwell.worklist.BasketStatus;
import io.dunwell.worklist.Baskets;
import io.dunwell.worklist.CollectionSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Baskets of accounts to work in a collection session, and statements mailed to a whole basket. */
@RestController
@RequestMapping("/api/v1/baskets")
@Tag(name = "Baskets")
class BasketController {

    private final Baskets baskets;
    private final BasketStatements statements;
    private final CollectionSessions sessions;
    private final Accounts accounts;
    private final RoleHierarchy roles;

    BasketController(Baskets baskets, BasketStatements statements, CollectionSessions sessions, Accounts accounts,
                     RoleHierarchy roles) {
        this.baskets = baskets;
        this.statements = statements;
        this.sessions = sessions;
        this.accounts = accounts;
        this.roles = roles;
    }

    @PostMapping
    @Operation(summary = "Make a pending basket of your own: 201 when new, 200 with the same basket when you already have "
            + "a pending one with this name and these accounts; 400 on an empty name or unknown accounts")
    ResponseEntity<BasketResponse> create(@RequestBody BasketRequest request, Authentication user) {
        Recorded<Basket> created = baskets.create(request.name(), request.accountIds(), user.getName());
        return ResponseEntity.status(created.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(view(created.value()));
    }

    @GetMapping
    @Operation(summary = "Your baskets (a supervisor's: everybody's), pending first, then in session, then done")
    List<BasketResponse> list(Authentication user) {
        boolean supervisor = isSupervisor(user);
        return Stream.of(BasketStatus.PENDING, BasketStatus.IN_SESSION, BasketStatus.DONE)
                .flatMap(status -> baskets.visibleTo(user.getName(), supervisor, status).stream()).map(this::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One basket with each account's outcome once worked")
    BasketResponse get(@PathVariable Long id, Authentication user) {
        Basket basket = baskets.require(id);
        Baskets.checkMayWork(basket, user.getName(), isSupervisor(user));
        return view(basket);
    }

    @PostMapping("/{id}/session/abandon")
    @Operation(summary = "Abandon the basket's collection session (its agent or a supervisor): the accounts worked keep their "
            + "outcomes, the rest are untouched, the basket is pending again and says who abandoned it; 409 when no session runs")
    BasketResponse abandonSession(@PathVariable Long id, Authentication user) {
        Basket basket = baskets.require(id);
        boolean supervisor = isSupervisor(user);
        Baskets.checkMayWork(basket, user.getName(), supervisor);
        if (basket.getStatus() != BasketStatus.IN_SESSION) {
            throw new ConflictException("Basket " + id + " is " + basket.getStatus() + ": no session to abandon");
        }
        return view(sessions.abandon(basket.getSessionProcessInstanceId(), user.getName(), supervisor));
    }

    @PostMapping("/{id}/statements")
    @Operation(summary = "Mail every account in the basket its statement of account (PDF). Repeating a requestId sends "
            + "nothing twice: it only sends what was not sent yet")
    BasketStatements.Mailed emailStatements(@PathVariable Long id, @RequestParam String requestId, Authentication user) {
        return statements.email(id, requestId, user.getName(), isSupervisor(user));
    }

    private BasketResponse view(Basket basket) {
        return BasketResponse.of(basket, accounts.externalIdsOf(basket.accountIds()));
    }

    private boolean isSupervisor(Authentication user) {
        return roles.getReachableGrantedAuthorities(user.getAuthorities()).stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + Roles.SUPERVISOR)::equals);
    }
}
