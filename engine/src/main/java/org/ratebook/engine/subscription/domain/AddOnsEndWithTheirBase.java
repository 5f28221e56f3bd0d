package org.ratebook.engine.subscription.domain;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ReinstateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionCancelledEvent;
import org.ratebook.engine.subscription.api.SubscriptionReinstatedEvent;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Kill Bill's rule: when a base subscription is cancelled, its add-ons are cancelled with it, from the same day,
 * for the same reason, and the add-on's cancellation names the base ({@code endedWithBase}). Reinstating the base
 * brings back exactly those add-ons; one the customer cancelled on its own stays cancelled. Runs in the
 * subscribing processor of the base's event, so the base and its add-ons change in one transaction or not at all.
 * An add-on already ending (on any day) is left as it is.
 */
@Component
@ProcessingGroup(AxonConfiguration.SUBSCRIPTIONS)
public class AddOnsEndWithTheirBase {

    private final SubscriptionProjection subscriptions;
    private final CommandGateway commands;

    public AddOnsEndWithTheirBase(SubscriptionProjection subscriptions, CommandGateway commands) {
        this.subscriptions = subscriptions;
        this.commands = commands;
    }

    @EventHandler
    void on(SubscriptionCancelledEvent e) {
        for (SubscriptionView addOn : subscriptions.addOnsOf(e.tenantId(), e.subscriptionId())) {
            if (addOn.endsOn() != null) {
                continue;
            }
            LocalDate from = addOn.startDate().isAfter(e.effectiveOn()) ? addOn.startDate() : e.effectiveOn();
            commands.sendAndWait(new CancelSubscriptionCommand(e.tenantId(), addOn.subscriptionId(), null, from,
                    e.reason(), e.subscriptionId()));
        }
    }

    @EventHandler
    void on(SubscriptionReinstatedEvent e) {
        for (SubscriptionView addOn : subscriptions.addOnsOf(e.tenantId(), e.subscriptionId())) {
            if (addOn.endsOn() != null) {
                // the add-on decides: only a cancellation that named this base is taken back
                commands.sendAndWait(new ReinstateSubscriptionCommand(e.tenantId(), addOn.subscriptionId(),
                        e.subscriptionId()));
            }
        }
    }
}
