package org.ratebook.engine.subscription.domain;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionCancelledEvent;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Kill Bill's rule: when a base subscription is cancelled, its add-ons are cancelled with it, from the same day.
 * Runs in the subscribing processor of the base's cancellation, so the base and its add-ons end in one
 * transaction or not at all. An add-on already ending on or before that day is left as it is; reinstating the
 * base does not bring its add-ons back (they are subscribed again).
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
            commands.sendAndWait(new CancelSubscriptionCommand(e.tenantId(), addOn.subscriptionId(), null, from));
        }
    }
}
