package org.ratebook.engine.subscription.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionCreatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account's use of a plan. Creating one checks, against the tenant's rule pack in effect, that the plan
 * exists in the account's currency, so nothing unpriceable is ever subscribed.
 */
@Aggregate
public class Subscription {

    @AggregateIdentifier
    private SubscriptionId subscriptionId;
    private TenantId tenantId;

    protected Subscription() {
    }

    @CommandHandler
    public Subscription(CreateSubscriptionCommand command, AccountDirectory accounts, TenantPacks packs,
                        TenantClocks clocks) {
        AccountView account = accounts.find(command.tenantId(), command.accountId())
                .orElseThrow(() -> new NotFoundException("account " + command.accountId() + " does not exist"));
        if (command.quantity() <= 0) {
            throw new InvalidSubscriptionException("quantity must be at least 1, was " + command.quantity());
        }
        if (command.plan() == null || command.plan().isBlank()) {
            throw new InvalidSubscriptionException("a subscription needs a plan");
        }
        LocalDate today = LocalDate.now(clocks.of(command.tenantId()).withZone(ZoneId.of(account.timeZone())));
        LocalDate start = command.startDate() == null ? today : command.startDate();
        if (start.isBefore(account.createdOn())) {
            throw new InvalidSubscriptionException("start date " + start + " is before the account was opened ("
                    + account.createdOn() + ")");
        }
        RulePack pack = packs.inEffect(command.tenantId(), start);
        if (!pack.hasPlan(command.plan())) {
            throw new InvalidSubscriptionException("unknown plan '" + command.plan() + "' in rule pack "
                    + pack.name() + " v" + pack.version());
        }
        if (pack.plan(command.plan(), account.currency()).isEmpty()) {
            throw new InvalidSubscriptionException("plan '" + command.plan() + "' has no price in "
                    + account.currency() + ", the account's currency");
        }
        // periods follow the account's billing cycle day (the first one prorated), or the start day if it has none
        int billCycleDay = account.billCycleDay() > 0 ? account.billCycleDay() : start.getDayOfMonth();
        apply(new SubscriptionCreatedEvent(command.tenantId(), command.subscriptionId(), command.accountId(),
                command.plan(), command.quantity(), account.currency(), start, billCycleDay, pack.version(),
                timeline(pack.phases(command.plan(), account.currency()), start)));
    }

    /** Each phase starts when the one before ends; a last phase with a duration ends the service. */
    static List<PhaseStart> timeline(List<CatalogPlan> phases, LocalDate start) {
        List<PhaseStart> timeline = new ArrayList<>();
        LocalDate from = start;
        for (CatalogPlan phase : phases) {
            timeline.add(new PhaseStart(phase.phase(), from));
            LocalDate end = phase.endsAfter(from);
            if (end == null) {
                return timeline;
            }
            from = end;
        }
        timeline.add(new PhaseStart(null, from));
        return timeline;
    }

    @EventSourcingHandler
    void on(SubscriptionCreatedEvent event) {
        subscriptionId = event.subscriptionId();
        tenantId = event.tenantId();
    }
}
