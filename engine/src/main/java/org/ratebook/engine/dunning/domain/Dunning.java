package org.ratebook.engine.dunning.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.api.AccountReinstatedEvent;
import org.ratebook.engine.dunning.api.AccountSuspendedEvent;
import org.ratebook.engine.dunning.api.AccountTerminatedEvent;
import org.ratebook.engine.dunning.api.DunningId;
import org.ratebook.engine.dunning.api.DunningStateChangedEvent;
import org.ratebook.engine.dunning.api.EvaluateStandingCommand;
import org.ratebook.engine.dunning.api.PaymentReminderSentEvent;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.ratebook.rules.fact.DunningAction.PAUSE_BILLING;
import static org.ratebook.rules.fact.DunningAction.SEND_REMINDER;
import static org.ratebook.rules.fact.DunningAction.SUSPEND_SERVICE;
import static org.ratebook.rules.fact.DunningAction.TERMINATE;

/**
 * The dunning of one account: its state and the actions that hold. It exists from the first time the account
 * leaves good standing. It decides what a standing decided by the rules changes, and tells the outside world:
 * a reminder to send, service to suspend, resume or terminate. Deciding the same standing again changes nothing,
 * so the daily run and every payment can ask as often as they like.
 */
@Aggregate
public class Dunning {

    @AggregateIdentifier
    private DunningId dunningId;
    private TenantId tenantId;
    private AccountId accountId;
    private DunningState state = DunningState.GOOD;
    private Set<DunningAction> actions = EnumSet.noneOf(DunningAction.class);
    private LocalDate lastChange;

    protected Dunning() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EvaluateStandingCommand command) {
        if (tenantId != null && !tenantId.equals(command.tenantId())) {
            throw new NotFoundException("account " + command.accountId() + " does not exist");
        }
        if (command.basedOn() != state) {
            throw new StaleStandingException("the standing of account " + command.accountId() + " was decided on "
                    + command.basedOn() + ", but the account is " + state + " now");
        }
        if (lastChange != null && command.asOf().isBefore(lastChange)) {
            return; // decided for a day before the last change: history does not run backwards
        }
        Set<DunningAction> before = actions.isEmpty() ? EnumSet.noneOf(DunningAction.class) : EnumSet.copyOf(actions);
        Set<DunningAction> after = command.actions().isEmpty() ? EnumSet.noneOf(DunningAction.class)
                : EnumSet.copyOf(command.actions());
        DunningState from = state;
        if (command.state() == from && after.equals(before)) {
            return;
        }
        apply(new DunningStateChangedEvent(command.tenantId(), command.dunningId(), command.accountId(), from,
                command.state(), command.actions(), command.asOf(), command.trigger(), command.figures(),
                command.rules(), command.pack(), command.trace()));

        if (after.contains(SEND_REMINDER) && (command.state() != from || !before.contains(SEND_REMINDER))) {
            apply(new PaymentReminderSentEvent(command.tenantId(), command.accountId(), command.state(),
                    command.asOf(), command.figures(), command.rules(), command.pack()));
        }
        if (after.contains(SUSPEND_SERVICE) && !before.contains(SUSPEND_SERVICE)) {
            apply(new AccountSuspendedEvent(command.tenantId(), command.accountId(), command.state(), command.asOf(),
                    after.contains(PAUSE_BILLING), command.figures(), command.rules(), command.pack()));
        }
        if (after.contains(TERMINATE) && !before.contains(TERMINATE)) {
            apply(new AccountTerminatedEvent(command.tenantId(), command.accountId(), command.asOf(),
                    command.figures(), command.rules(), command.pack()));
        }
        if (withoutService(before) && !withoutService(after)) {
            apply(new AccountReinstatedEvent(command.tenantId(), command.accountId(), from, command.state(),
                    command.asOf(), command.figures(), command.rules(), command.pack()));
        }
    }

    private static boolean withoutService(Set<DunningAction> actions) {
        return actions.contains(SUSPEND_SERVICE) || actions.contains(TERMINATE);
    }

    @EventSourcingHandler
    void on(DunningStateChangedEvent event) {
        dunningId = event.dunningId();
        tenantId = event.tenantId();
        accountId = event.accountId();
        state = event.to();
        actions = event.actions().isEmpty() ? EnumSet.noneOf(DunningAction.class) : EnumSet.copyOf(event.actions());
        lastChange = event.on();
    }
}
