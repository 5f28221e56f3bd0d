package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.console.api.ApiDtos.CreateSubscriptionRequest;
import org.ratebook.console.api.ApiDtos.SubscriptionResponse;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Accounts' use of plans from the tenant's rule pack catalog")
public class SubscriptionsController {

    private final CommandGateway commands;
    private final SubscriptionProjection subscriptions;
    private final TenantScope tenantScope;

    public SubscriptionsController(CommandGateway commands, SubscriptionProjection subscriptions,
                                   TenantScope tenantScope) {
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.tenantScope = tenantScope;
    }

    @PostMapping
    @Operation(summary = "Subscribe an account to a plan",
            description = "Refused (422) if the plan is not in the tenant's rule pack in the account's currency.")
    public ResponseEntity<SubscriptionResponse> create(@Valid @RequestBody CreateSubscriptionRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = SubscriptionId.random();
        commands.sendAndWait(new CreateSubscriptionCommand(tenant, id, new AccountId(body.accountId()), body.plan(),
                body.quantity() == null ? 1 : body.quantity(), body.startDate()));
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + id)).body(get(id.value()));
    }

    @GetMapping("/{subscriptionId}")
    @Operation(summary = "Read a subscription")
    public SubscriptionResponse get(@PathVariable UUID subscriptionId) {
        TenantId tenant = CurrentCaller.tenant();
        return tenantScope.call(tenant, () -> subscriptions.find(tenant, new SubscriptionId(subscriptionId)))
                .map(SubscriptionResponse::of)
                .orElseThrow(() -> new NotFoundException("subscription " + subscriptionId + " does not exist"));
    }
}
