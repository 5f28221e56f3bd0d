package org.ratebook.engine.billing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.charge.api.AddOneOffChargeCommand;
import org.ratebook.engine.charge.projection.OneOffChargeProjection;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Enters a one-off charge and bills the account at once, so a charge for today is invoiced today. Entering the
 * same reference again changes nothing and answers with the charge already entered.
 */
@Service
public class OneOffCharges {

    /** The charge as entered, whether this call entered it, and the billing it triggered. */
    public record Entered(OneOffCharge charge, boolean added, BillingRunResult billing) {
    }

    private final CommandGateway commands;
    private final OneOffChargeProjection charges;
    private final AccountDirectory accounts;
    private final TenantClocks clocks;
    private final BillingRun billingRun;

    public OneOffCharges(CommandGateway commands, OneOffChargeProjection charges, AccountDirectory accounts,
                         TenantClocks clocks, BillingRun billingRun) {
        this.commands = commands;
        this.charges = charges;
        this.accounts = accounts;
        this.clocks = clocks;
        this.billingRun = billingRun;
    }

    public Entered enter(TenantId tenant, AccountId accountId, String reference, String description,
                         BigDecimal quantity, BigDecimal unitPrice, String currency, LocalDate chargeOn) {
        AccountView account = accounts.find(tenant, accountId)
                .orElseThrow(() -> new NotFoundException("account " + accountId + " does not exist"));
        String ref = reference == null || reference.isBlank() ? UUID.randomUUID().toString() : reference.strip();
        UUID id = AddOneOffChargeCommand.idOf(tenant, ref);
        boolean added = true;
        try {
            commands.sendAndWait(new AddOneOffChargeCommand(tenant, id, ref, accountId, description, quantity,
                    unitPrice, currency, chargeOn));
        } catch (RuntimeException e) {
            if (!BillingRun.issuedElsewhere(e)) {
                throw e;
            }
            added = false; // entered before under the same reference
        }
        OneOffCharge charge = charges.find(tenant, id)
                .orElseThrow(() -> new IllegalStateException("one-off charge " + id + " was not recorded"));
        LocalDate today = account.today(clocks.of(tenant));
        return new Entered(charge, added, billingRun.runAccount(tenant, accountId, today));
    }
}
