package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.console.api.ApiDtos.CancelRequest;
import org.ratebook.console.api.ApiDtos.ChangePlanRequest;
import org.ratebook.console.api.ApiDtos.ChangeQuantityRequest;
import org.ratebook.console.api.ApiDtos.CreateSubscriptionRequest;
import org.ratebook.console.api.ApiDtos.InvoiceSummary;
import org.ratebook.console.api.ApiDtos.PauseOrResumeRequest;
import org.ratebook.console.api.ApiDtos.SubscriptionChangeResponse;
import org.ratebook.engine.billing.SubscriptionChanges;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.ChangeQuantityCommand;
import org.ratebook.engine.subscription.api.PauseSubscriptionCommand;
import org.ratebook.engine.subscription.api.ReinstateSubscriptionCommand;
import org.ratebook.engine.subscription.api.ResumeSubscriptionCommand;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;
import java.time.Duration;
import java.util.List;
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
    private final SubscriptionChanges changes;
    private final InvoiceQueries invoices;

    public SubscriptionsController(CommandGateway commands, SubscriptionProjection subscriptions,
                                   TenantScope tenantScope, SubscriptionChanges changes, InvoiceQueries invoices) {
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.tenantScope = tenantScope;
        this.changes = changes;
        this.invoices = invoices;
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping
    @Operation(summary = "Subscribe an account to a plan",
            description = "Refused (422) if the plan is not in the tenant's rule pack in the account's currency, if "
                    + "the price list named is not in it, or if an add-on has no active base subscription of the "
                    + "same account (an add-on bills on its base's cycle day and ends with it). `trialDays` replaces the "
                    + "plan's trial for this subscription (0: none); a trial longer than 0 on a plan without a trial "
                    + "phase is refused (422).")
    public ResponseEntity<SubscriptionResponse> create(@Valid @RequestBody CreateSubscriptionRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = SubscriptionId.random();
        commands.sendAndWait(new CreateSubscriptionCommand(tenant, id, new AccountId(body.accountId()), body.plan(),
                body.quantity() == null ? 1 : body.quantity(), body.startDate(), body.priceList(),
                body.baseSubscriptionId() == null ? null : new SubscriptionId(body.baseSubscriptionId()),
                body.trialDays()));
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + id)).body(get(id.value()));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/change-plan")
    @Operation(summary = "Move to another plan",
            description = "At once (unused prepaid time becomes a repair and account credit), at the end of the term, "
                    + "or on a day; without either, the seller's change policy rules decide. Refused (422) for an "
                    + "unknown plan or price list, a plan without a price in the account's currency, a cancelled or "
                    + "paused subscription, or a change before one already scheduled. A named price list prices the "
                    + "new plan from the change on.")
    public SubscriptionChangeResponse changePlan(@PathVariable UUID subscriptionId,
                                                 @Valid @RequestBody ChangePlanRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return changed(tenant, changes.apply(tenant, id, new ChangePlanCommand(tenant, id, body.plan(),
                timing(body.timing()), body.effectiveOn(), body.priceList(), proration(body.prorationBehaviour()))));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/change-quantity")
    @Operation(summary = "Change the number of seats, devices or users",
            description = "When, as for a plan change. Refused (422) for a quantity below 1.")
    public SubscriptionChangeResponse changeQuantity(@PathVariable UUID subscriptionId,
                                                     @Valid @RequestBody ChangeQuantityRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return changed(tenant, changes.apply(tenant, id, new ChangeQuantityCommand(tenant, id, body.quantity(),
                timing(body.timing()), body.effectiveOn(), proration(body.prorationBehaviour()))));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/cancel")
    @Operation(summary = "End the subscription",
            description = "At once (unused prepaid time becomes account credit; time billed in arrear is invoiced "
                    + "for the days used), at the end of the term, or on a day.")
    public SubscriptionChangeResponse cancel(@PathVariable UUID subscriptionId,
                                             @Valid @RequestBody(required = false) CancelRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        CancelRequest request = body == null ? new CancelRequest(null, null) : body;
        return changed(tenant, changes.apply(tenant, id, new CancelSubscriptionCommand(tenant, id,
                timing(request.timing()), request.effectiveOn())));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/reinstate")
    @Operation(summary = "Take back a cancellation that has not taken effect yet")
    public SubscriptionChangeResponse reinstate(@PathVariable UUID subscriptionId) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return changed(tenant, changes.apply(tenant, id, new ReinstateSubscriptionCommand(tenant, id)));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/pause")
    @Operation(summary = "Stop billing until resumed", description = "Prepaid days after the pause become account credit.")
    public SubscriptionChangeResponse pause(@PathVariable UUID subscriptionId,
                                            @Valid @RequestBody(required = false) PauseOrResumeRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return changed(tenant, changes.apply(tenant, id, new PauseSubscriptionCommand(tenant, id,
                body == null ? null : body.effectiveOn())));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/resume")
    @Operation(summary = "Bill a paused subscription again")
    public SubscriptionChangeResponse resume(@PathVariable UUID subscriptionId,
                                             @Valid @RequestBody(required = false) PauseOrResumeRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return changed(tenant, changes.apply(tenant, id, new ResumeSubscriptionCommand(tenant, id,
                body == null ? null : body.effectiveOn())));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/preview/change-plan")
    @Operation(summary = "Preview a plan change: when it would take effect and what it would invoice",
            description = "Nothing is recorded. The same checks as the change itself (422 with the reason).")
    public ApiDtos.ChangePreviewResponse previewChangePlan(@PathVariable UUID subscriptionId,
                                                           @Valid @RequestBody ChangePlanRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return preview(changes.preview(tenant, id, new ChangePlanCommand(tenant, id, body.plan(),
                timing(body.timing()), body.effectiveOn(), body.priceList(), proration(body.prorationBehaviour()))));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/preview/change-quantity")
    @Operation(summary = "Preview a quantity change", description = "Nothing is recorded.")
    public ApiDtos.ChangePreviewResponse previewChangeQuantity(@PathVariable UUID subscriptionId,
                                                               @Valid @RequestBody ChangeQuantityRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return preview(changes.preview(tenant, id, new ChangeQuantityCommand(tenant, id, body.quantity(),
                timing(body.timing()), body.effectiveOn(), proration(body.prorationBehaviour()))));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{subscriptionId}/preview/cancel")
    @Operation(summary = "Preview a cancellation", description = "Nothing is recorded. For a base "
            + "subscription the invoices include its add-ons ending with it.")
    public ApiDtos.ChangePreviewResponse previewCancel(@PathVariable UUID subscriptionId,
                                                       @Valid @RequestBody(required = false) CancelRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        CancelRequest request = body == null ? new CancelRequest(null, null) : body;
        return preview(changes.preview(tenant, id, new CancelSubscriptionCommand(tenant, id,
                timing(request.timing()), request.effectiveOn())));
    }

    private static ApiDtos.ChangePreviewResponse preview(SubscriptionChanges.Preview preview) {
        return new ApiDtos.ChangePreviewResponse(preview.outcome().effectiveOn(),
                preview.outcome().timeline().stream().map(p -> new ApiDtos.TimelineEntry(p.from(), p.plan(),
                        p.phase(), p.quantity())).toList(),
                preview.invoices().stream().map(ApiDtos.InvoicePreview::of).toList(),
                preview.carriedTo() == null ? null : ApiDtos.InvoicePreview.of(preview.carriedTo()));
    }

    private static ProrationBehaviour proration(ApiDtos.ProrationBehaviour behaviour) {
        return behaviour == null ? null : ProrationBehaviour.valueOf(behaviour.name());
    }

    private static ChangeTiming timing(ApiDtos.Timing timing) {
        return timing == null ? null : ChangeTiming.valueOf(timing.name());
    }

    private SubscriptionChangeResponse changed(TenantId tenant, SubscriptionChanges.Changed changed) {
        invoices.awaitVisible(tenant, changed.billing().issued(), Duration.ofSeconds(10));
        List<InvoiceSummary> issued = changed.billing().issued().stream()
                .flatMap(i -> invoices.find(tenant, i).stream()).map(InvoiceSummary::of).toList();
        return new SubscriptionChangeResponse(SubscriptionResponse.of(changed.subscription()), issued);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{subscriptionId}")
    @Operation(summary = "Read a subscription")
    public SubscriptionResponse get(@PathVariable UUID subscriptionId) {
        TenantId tenant = CurrentCaller.tenant();
        return tenantScope.call(tenant, () -> subscriptions.find(tenant, new SubscriptionId(subscriptionId)))
                .map(SubscriptionResponse::of)
                .orElseThrow(() -> new NotFoundException("subscription " + subscriptionId + " does not exist"));
    }
}
