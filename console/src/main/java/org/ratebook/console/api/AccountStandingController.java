package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.api.ApiDtos.RulePackResponse;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.dunning.AccountStandings;
import org.ratebook.engine.dunning.StandingChange;
import org.ratebook.engine.dunning.StandingView;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.tenants.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.ratebook.console.api.ApiDtos.money;

/** Where an account stands on its unpaid invoices (its dunning state), why, and how it got there. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "A tenant's customers")
public class AccountStandingController {

    public record StandingResponse(
            UUID accountId,
            @Schema(example = "SUSPENDED", allowableValues = {"GOOD", "REMINDED", "WARNED", "SUSPENDED", "TERMINATED"})
            String state,
            @Schema(description = "Since when; null if the account has always been in good standing") LocalDate since,
            @Schema(description = "What the state makes happen, as the suspension rules decided")
            List<String> actions,
            boolean blocksPlanChanges,
            boolean billingPaused,
            @Schema(description = "The decision that put the account there; null if it has always been in good standing")
            Why why) {
    }

    public record Why(LocalDate decidedOn,
                      @Schema(example = "payment", description = "payment, refund, void, daily or test clock") String trigger,
                      @Schema(description = "Rules that decided the state; empty: no suspension rule matched") List<String> rules,
                      RulePackResponse rulePack, int daysPastDue, LocalDate oldestUnpaidDueDate, String currency,
                      String unpaidBalance, int unpaidInvoices, String overdueBalance, int overdueInvoices,
                      @Schema(description = "Every suspension rule fired, in order, with the facts it matched")
                      List<RuleFiring> fired) {
    }

    public record ChangeResponse(LocalDate on, String from, String to, List<String> actions, List<String> rules,
                                 RulePackResponse rulePack, String trigger, int daysPastDue, String unpaidBalance,
                                 int unpaidInvoices) {
        static ChangeResponse of(StandingChange c) {
            return new ChangeResponse(c.on(), c.from().name(), c.to().name(),
                    c.actions().stream().map(DunningAction::name).toList(), c.rules(),
                    new RulePackResponse(c.packName(), c.packVersion(), null), c.trigger(), c.daysPastDue(),
                    money(c.unpaidBalance()), c.unpaidInvoices());
        }
    }

    private final AccountDirectory accounts;
    private final AccountStandings standings;

    public AccountStandingController(AccountDirectory accounts, AccountStandings standings) {
        this.accounts = accounts;
        this.standings = standings;
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{accountId}/standing")
    @Operation(summary = "The account's dunning state, its actions and why")
    public StandingResponse standing(@PathVariable UUID accountId) {
        TenantId tenant = CurrentCaller.tenant();
        StandingView s = standings.of(tenant, existing(tenant, accountId));
        Why why = s.since() == null ? null : new Why(s.changedOn(), s.trigger(), s.rules(),
                new RulePackResponse(s.pack().name(), s.pack().version(), s.pack().hash()), s.figures().daysPastDue(),
                s.figures().oldestUnpaidDueDate(), s.figures().currency(), money(s.figures().unpaidBalance()),
                s.figures().unpaidInvoices(), money(s.figures().overdueBalance()), s.figures().overdueInvoices(),
                s.trace());
        return new StandingResponse(accountId, s.state().name(), s.since(),
                s.actions().stream().map(DunningAction::name).toList(), s.has(DunningAction.BLOCK_PLAN_CHANGES),
                s.has(DunningAction.PAUSE_BILLING), why);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{accountId}/standing/history")
    @Operation(summary = "Every change of the account's dunning state, oldest first")
    public List<ChangeResponse> history(@PathVariable UUID accountId) {
        TenantId tenant = CurrentCaller.tenant();
        return standings.changes(tenant, existing(tenant, accountId)).stream().map(ChangeResponse::of).toList();
    }

    private AccountId existing(TenantId tenant, UUID accountId) {
        AccountId account = new AccountId(accountId);
        if (accounts.find(tenant, account).isEmpty()) {
            throw new NotFoundException("account " + accountId + " does not exist");
        }
        return account;
    }
}
