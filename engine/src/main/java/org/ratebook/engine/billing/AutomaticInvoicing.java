package org.ratebook.engine.billing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.SwitchAutomaticInvoicingCommand;
import org.ratebook.engine.account.projection.AccountProjection;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Service;

/**
 * Switches an account's automatic invoicing off or back on (Kill Bill's AUTO_INVOICING_OFF). Switched back on, the
 * account is billed for its today at once, so what was held is invoiced without waiting for the daily run (as Kill
 * Bill runs the account's invoicing when the tag is removed).
 */
@Service
public class AutomaticInvoicing {

    /** The account's state afterwards, and the billing that switching on triggered (null when switched off). */
    public record Switched(AccountProjection.AutomaticInvoicing state, BillingRunResult billing) {
    }

    private final CommandGateway commands;
    private final AccountProjection accounts;
    private final TenantClocks clocks;
    private final BillingRun billingRun;

    public AutomaticInvoicing(CommandGateway commands, AccountProjection accounts, TenantClocks clocks,
                              BillingRun billingRun) {
        this.commands = commands;
        this.accounts = accounts;
        this.clocks = clocks;
        this.billingRun = billingRun;
    }

    public Switched switchTo(TenantId tenant, AccountId account, boolean on, String reason, String by) {
        AccountView view = accounts.find(tenant, account)
                .orElseThrow(() -> new NotFoundException("account " + account + " does not exist"));
        commands.sendAndWait(new SwitchAutomaticInvoicingCommand(tenant, account, on, reason, by));
        BillingRunResult billing = on ? billingRun.runAccount(tenant, account, view.today(clocks.of(tenant))) : null;
        return new Switched(accounts.automaticInvoicing(tenant, account), billing);
    }

    public AccountProjection.AutomaticInvoicing of(TenantId tenant, AccountId account) {
        accounts.find(tenant, account).orElseThrow(() -> new NotFoundException("account " + account + " does not exist"));
        return accounts.automaticInvoicing(tenant, account);
    }
}
