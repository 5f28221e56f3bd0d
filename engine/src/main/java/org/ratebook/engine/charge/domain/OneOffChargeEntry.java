package org.ratebook.engine.charge.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.charge.api.AddOneOffChargeCommand;
import org.ratebook.engine.charge.api.OneOffChargeAddedEvent;
import org.ratebook.tenants.TenantClocks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One one-off charge, entered once: its id comes from the caller's reference, so entering it again collides
 * with the stored one instead of charging twice. What it costs is decided by the pricing rules when it is
 * invoiced (the default pack takes the amount entered); tax follows the tax rules like any other line.
 */
@Aggregate
public class OneOffChargeEntry {

    @AggregateIdentifier
    private UUID chargeId;

    protected OneOffChargeEntry() {
    }

    @CommandHandler
    public OneOffChargeEntry(AddOneOffChargeCommand command, AccountDirectory accounts, TenantClocks clocks) {
        AccountView account = accounts.find(command.tenantId(), command.accountId())
                .orElseThrow(() -> new NotFoundException("account " + command.accountId() + " does not exist"));
        if (command.description() == null || command.description().isBlank()) {
            throw new InvalidChargeException("a one-off charge needs a description the customer will read");
        }
        BigDecimal quantity = command.quantity() == null ? BigDecimal.ONE : command.quantity();
        if (quantity.signum() <= 0) {
            throw new InvalidChargeException("the quantity of a one-off charge must be positive, was "
                    + quantity.toPlainString());
        }
        if (command.unitPrice() == null || command.unitPrice().signum() <= 0) {
            throw new InvalidChargeException("a one-off charge needs a positive amount; to give money back, issue a "
                    + "credit note");
        }
        String currency = command.currency() == null ? account.currency() : command.currency();
        if (!currency.equals(account.currency())) {
            throw new InvalidChargeException("the account is billed in " + account.currency() + "; a charge in "
                    + currency + " cannot be put on its invoices");
        }
        if (command.unitPrice().stripTrailingZeros().scale() > Currency.getInstance(currency)
                .getDefaultFractionDigits() + 4) {
            throw new InvalidChargeException("a unit price of " + command.unitPrice().toPlainString()
                    + " has too many decimals");
        }
        LocalDate today = account.today(clocks.of(command.tenantId()));
        LocalDate on = command.chargeOn() == null ? today : command.chargeOn();
        if (on.isBefore(today)) {
            throw new InvalidChargeException("a one-off charge cannot be dated in the past (" + on
                    + " is before today, " + today + ")");
        }
        apply(new OneOffChargeAddedEvent(command.tenantId(), command.chargeId(), command.reference(),
                command.accountId(), command.description().strip(), quantity, command.unitPrice(), currency, on, today));
    }

    @EventSourcingHandler
    void on(OneOffChargeAddedEvent event) {
        chargeId = event.chargeId();
    }
}
