package org.ratebook.console.api;

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

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "A tenant's customers")
public class AccountsController {

    private final CommandGateway commands;
    private final AccountDirectory accounts;
    private final InvoiceQueries invoices;

    public AccountsController(CommandGateway commands, AccountDirectory accounts, InvoiceQueries invoices) {
        this.commands = commands;
        this.accounts = accounts;
        this.invoices = invoices;
    }

    @PostMapping
    @Operation(summary = "Open an account")
    public ResponseEntity<AccountResponse> create(@Valid @RequestBody CreateAccountRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        AccountId id = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, id, body.name(), body.email(), body.currency(),
                body.country(), body.timeZone(), body.billCycleDay(), body.addressLines(), body.taxId(), body.tax()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + id)).body(get(id.value()));
    }

    @PutMapping("/{accountId}/tax-details")
    @Operation(summary = "Replace the account's tax id and tax details; invoices from today on are taxed with them")
    public AccountResponse changeTaxDetails(@PathVariable UUID accountId, @RequestBody TaxDetailsRequest body) {
        get(accountId);
        commands.sendAndWait(new ChangeTaxDetailsCommand(CurrentCaller.tenant(), new AccountId(accountId), body.taxId(),
                body.tax()));
        return get(accountId);
    }

    @GetMapping("/{accountId}/balance")
    @Operation(summary = "What the account owes in its currency: open invoices less its credit")
    public ApiDtos.BalanceResponse balance(@PathVariable UUID accountId) {
        AccountResponse account = get(accountId);
        return ApiDtos.BalanceResponse.of(accountId,
                invoices.balance(CurrentCaller.tenant(), accountId, account.currency()));
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "Read an account")
    public AccountResponse get(@PathVariable UUID accountId) {
        return accounts.find(CurrentCaller.tenant(), new AccountId(accountId)).map(AccountResponse::of)
                .orElseThrow(() -> new NotFoundException("account " + accountId + " does not exist"));
    }
}
