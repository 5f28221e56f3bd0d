package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.console.api.ApiDtos.AccountResponse;
import org.ratebook.console.api.ApiDtos.CreateAccountRequest;
import org.ratebook.console.api.ApiDtos.TaxDetailsRequest;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.ChangeTaxDetailsCommand;
import org.ratebook.engine.account.api.ChangeSegmentCommand;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.tenants.TenantId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.account.api.SetParentAccountCommand;
import org.ratebook.engine.account.projection.AccountParents;
import org.ratebook.engine.billing.BillingRun;
import org.springframework.web.bind.annotation.PutMapping;
import org.ratebook.engine.billing.OneOffCharges;
import org.ratebook.tenants.TenantClocks;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "A tenant's customers")
public class AccountsController {

    private final CommandGateway commands;
    private final AccountDirectory accounts;
    private final InvoiceQueries invoices;
    private final BillingRun billingRun;
    private final TenantClocks clocks;
    private final OneOffCharges oneOffCharges;
    private final AccountParents parents;
    private final org.ratebook.engine.payment.AccountCredits credits;
    private final org.ratebook.engine.billing.AutomaticInvoicing automaticInvoicing;

    public AccountsController(CommandGateway commands, AccountDirectory accounts, InvoiceQueries invoices,
                              BillingRun billingRun, TenantClocks clocks, OneOffCharges oneOffCharges,
                              AccountParents parents, org.ratebook.engine.payment.AccountCredits credits,
                              org.ratebook.engine.billing.AutomaticInvoicing automaticInvoicing) {
        this.automaticInvoicing = automaticInvoicing;
        this.credits = credits;
        this.commands = commands;
        this.accounts = accounts;
        this.invoices = invoices;
        this.billingRun = billingRun;
        this.clocks = clocks;
        this.oneOffCharges = oneOffCharges;
        this.parents = parents;
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping
    @Operation(summary = "Open an account")
    public ResponseEntity<AccountResponse> create(@Valid @RequestBody CreateAccountRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        AccountId id = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, id, body.name(), body.email(), body.currency(),
                body.country(), body.timeZone(), body.billCycleDay(), body.addressLines(), body.taxId(), body.tax(),
                body.segment()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + id)).body(get(id.value()));
    }

    @RequiresScope(Scope.BILLING)
    @PutMapping("/{accountId}/segment")
    @Operation(summary = "Put the account in a customer segment, or in none",
            description = "Invoices decided from today on see it (the seller's pricing rules may choose a price list "
                    + "by it). 422 for a segment that is not a lower-case word, or the segment it is already in.")
    public AccountResponse changeSegment(@PathVariable UUID accountId, @RequestBody ApiDtos.SegmentRequest body) {
        get(accountId);
        commands.sendAndWait(new ChangeSegmentCommand(CurrentCaller.tenant(), new AccountId(accountId),
                body.segment()));
        return get(accountId);
    }

    @RequiresScope(Scope.BILLING)
    @PutMapping("/{accountId}/tax-details")
    @Operation(summary = "Replace the account's tax id and tax details; invoices from today on are taxed with them")
    public AccountResponse changeTaxDetails(@PathVariable UUID accountId, @RequestBody TaxDetailsRequest body) {
        get(accountId);
        commands.sendAndWait(new ChangeTaxDetailsCommand(CurrentCaller.tenant(), new AccountId(accountId), body.taxId(),
                body.tax()));
        return get(accountId);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{accountId}/balance")
    @Operation(summary = "What the account owes in its currency: open invoices less its credit")
    public ApiDtos.BalanceResponse balance(@PathVariable UUID accountId) {
        AccountResponse account = get(accountId);
        return ApiDtos.BalanceResponse.of(accountId,
                invoices.balance(CurrentCaller.tenant(), accountId, account.currency()));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{accountId}/credits")
    @Operation(summary = "Give the account credit by hand (a goodwill credit), with a reason",
            description = "It is account credit like an overpayment's: the next invoices use it (\"Account credit "
                    + "used\"). Repeating a reference gives nothing twice. Refused (422) for an amount that is not "
                    + "positive, finer than the currency's minor unit, in another currency, or without a reason.")
    public ResponseEntity<ApiDtos.AccountCreditResponse> giveCredit(@PathVariable UUID accountId,
                                                                    @Valid @RequestBody ApiDtos.AccountCreditRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        AccountResponse account = get(accountId);
        String id = credits.give(tenant, new AccountId(accountId), body.reference(), body.amount(), body.currency(),
                body.reason(), CurrentCaller.name());
        return creditEntered(tenant, accountId, account, id);
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{accountId}/debits")
    @Operation(summary = "Take account credit back by hand (a manual debit), with a reason",
            description = "Never more than the account holds: refused (422) beyond its credit, and as for a credit "
                    + "given. Repeating a reference takes nothing twice.")
    public ResponseEntity<ApiDtos.AccountCreditResponse> takeCredit(@PathVariable UUID accountId,
                                                                    @Valid @RequestBody ApiDtos.AccountCreditRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        AccountResponse account = get(accountId);
        String id = credits.take(tenant, new AccountId(accountId), body.reference(), body.amount(), body.currency(),
                body.reason(), CurrentCaller.name());
        return creditEntered(tenant, accountId, account, id);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{accountId}/automatic-invoicing")
    @Operation(summary = "Whether automatic invoicing of the account is switched off, and since when")
    public ApiDtos.AutomaticInvoicingResponse automaticInvoicing(@PathVariable UUID accountId) {
        var state = automaticInvoicing.of(CurrentCaller.tenant(), new AccountId(accountId));
        return new ApiDtos.AutomaticInvoicingResponse(accountId, state.off(), state.offSince(), state.onSince(),
                List.of());
    }

    @RequiresScope(Scope.BILLING)
    @PutMapping("/{accountId}/automatic-invoicing")
    @Operation(summary = "Switch automatic invoicing of the account off or back on (Kill Bill's AUTO_INVOICING_OFF)",
            description = "Off: billing runs hold the account's invoices (nothing is issued, nothing lost). Back on: "
                    + "everything held goes on one invoice of the account's today, issued at once; nothing is "
                    + "invoiced twice. Switching to the state it is in changes nothing. Unknown account: 404.")
    public ApiDtos.AutomaticInvoicingResponse switchAutomaticInvoicing(@PathVariable UUID accountId,
            @Valid @RequestBody ApiDtos.AutomaticInvoicingRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        var switched = automaticInvoicing.switchTo(tenant, new AccountId(accountId), body.on(), body.reason(),
                CurrentCaller.name());
        List<UUID> issued = switched.billing() == null ? List.of() : switched.billing().issued();
        invoices.awaitVisible(tenant, issued, java.time.Duration.ofSeconds(10));
        return new ApiDtos.AutomaticInvoicingResponse(accountId, switched.state().off(), switched.state().offSince(),
                switched.state().onSince(), issued.stream().flatMap(i -> invoices.find(tenant, i).stream())
                .map(ApiDtos.InvoiceSummary::of).toList());
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{accountId}/credits")
    @Operation(summary = "Credit given and taken back by hand on the account, latest first (at most 200)")
    public List<ApiDtos.CreditEntryResponse> creditEntries(@PathVariable UUID accountId) {
        get(accountId);
        return invoices.creditEntries(CurrentCaller.tenant(), accountId, 200).stream()
                .map(ApiDtos.CreditEntryResponse::of).toList();
    }

    @RequiresScope(Scope.BILLING)
    @PutMapping("/{accountId}/parent")
    @Operation(summary = "Give the account a parent; with invoiceParent its charges go on the parent's invoice",
            description = "One consolidated invoice per parent and billing date. Refused (422) for an unknown "
                    + "parent, the account itself, another currency, or a parent that has a parent itself.")
    public ApiDtos.ParentResponse setParent(@PathVariable UUID accountId,
                                            @Valid @RequestBody ApiDtos.ParentRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        get(accountId);
        commands.sendAndWait(new SetParentAccountCommand(tenant, new AccountId(accountId),
                new AccountId(body.parentAccountId()), Boolean.TRUE.equals(body.invoiceParent())));
        AccountParents.Parent parent = parents.parentOf(tenant, new AccountId(accountId)).orElseThrow();
        return new ApiDtos.ParentResponse(accountId, parent.parent().value(), parent.invoiceParent());
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{accountId}/charges")
    @Operation(summary = "Charge the account once (a setup fee, an hour of support)",
            description = "Invoiced on the charge's day, at once if that is today, priced and taxed by the rule pack. "
                    + "Repeating a reference charges nothing twice (200 with added=false). Refused (422) for a "
                    + "non-positive amount or quantity, another currency or a day in the past.")
    public ResponseEntity<ApiDtos.OneOffChargeResponse> charge(@PathVariable UUID accountId,
                                                               @Valid @RequestBody ApiDtos.OneOffChargeRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        OneOffCharges.Entered entered = oneOffCharges.enter(tenant, new AccountId(accountId), body.reference(),
                body.description(), body.quantity(), body.unitPrice(), body.currency(), body.date());
        invoices.awaitVisible(tenant, entered.billing().issued(), java.time.Duration.ofSeconds(10));
        List<ApiDtos.InvoiceSummary> invoiced = entered.billing().issued().stream()
                .flatMap(i -> invoices.find(tenant, i).stream()).map(ApiDtos.InvoiceSummary::of).toList();
        var c = entered.charge();
        return ResponseEntity.status(entered.added() ? 201 : 200).body(new ApiDtos.OneOffChargeResponse(
                UUID.fromString(c.chargeId()), c.description(), c.quantity().stripTrailingZeros().toPlainString(),
                c.unitPrice().stripTrailingZeros().toPlainString(), c.currency(), c.on(), entered.added(), invoiced));
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{accountId}/invoice-preview")
    @Operation(summary = "The invoices a billing run for a date would issue to the account, without issuing them",
            description = "Nothing is recorded and no number is taken; default date: today in the account's time zone.")
    public List<ApiDtos.InvoicePreview> preview(@PathVariable UUID accountId,
                                                @RequestParam(required = false) LocalDate date) {
        TenantId tenant = CurrentCaller.tenant();
        AccountView account = accounts.find(tenant, new AccountId(accountId))
                .orElseThrow(() -> new NotFoundException("account " + accountId + " does not exist"));
        LocalDate day = date != null ? date
                : account.today(clocks.of(tenant));
        return billingRun.preview(tenant, account.accountId(), day, Map.of()).stream()
                .map(ApiDtos.InvoicePreview::of).toList();
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{accountId}")
    @Operation(summary = "Read an account")
    public AccountResponse get(@PathVariable UUID accountId) {
        return accounts.find(CurrentCaller.tenant(), new AccountId(accountId)).map(AccountResponse::of)
                .orElseThrow(() -> new NotFoundException("account " + accountId + " does not exist"));
    }

    /** A credit given or taken by hand, once the read model shows it: 201 with the account's balance after it. */
    private ResponseEntity<ApiDtos.AccountCreditResponse> creditEntered(TenantId tenant, UUID accountId,
                                                                       AccountResponse account, String id) {
        invoices.awaitCreditEntry(tenant, id, java.time.Duration.ofSeconds(10));
        return ResponseEntity.status(201).body(new ApiDtos.AccountCreditResponse(id, ApiDtos.BalanceResponse.of(
                accountId, invoices.balance(tenant, accountId, account.currency()))));
    }
}
