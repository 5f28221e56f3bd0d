package org.ratebook.engine.billing;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.StandingConsequence;
import org.ratebook.engine.dunning.StandingView;
import org.ratebook.engine.invoicing.projection.InvoiceProjectionBarrier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.tenants.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * When the seller's suspension rules end an account's subscriptions ({@link DunningAction#END_SUBSCRIPTIONS},
 * usually with {@code TERMINATE}), each subscription that is not cancelled yet is cancelled at once through the
 * subscription's own cancel command, with the reason "terminated for non-payment", and the account is billed as
 * after any cancellation: billed time no longer owed is given back by the usual repair. A subscription already
 * cancelled for a later date (end of term) keeps that date.
 * <p>
 * Base subscriptions are ended first and each subscription is read again just before it is ended: a base's add-ons
 * end with it ({@code AddOnsEndWithTheirBase}, same reason), so they are not cancelled a second time (which the
 * subscription would refuse). All are ended before the account is billed once, so the repairs land on one invoice
 * whatever order the subscriptions are listed in.
 */
@Component
public class TerminationEndsSubscriptions implements StandingConsequence {

    public static final String REASON = "terminated for non-payment";

    private static final Logger log = LoggerFactory.getLogger(TerminationEndsSubscriptions.class);

    private final SubscriptionProjection subscriptions;
    private final CommandGateway commands;
    private final SubscriptionChanges changes;
    private final InvoiceProjectionBarrier barrier;

    public TerminationEndsSubscriptions(SubscriptionProjection subscriptions, CommandGateway commands,
                                        SubscriptionChanges changes, InvoiceProjectionBarrier barrier) {
        this.subscriptions = subscriptions;
        this.commands = commands;
        this.changes = changes;
        this.barrier = barrier;
    }

    @Override
    public void standingChanged(TenantId tenant, AccountId account, LocalDate day, StandingView before,
                                StandingView after) {
        if (!after.has(DunningAction.END_SUBSCRIPTIONS) || before.has(DunningAction.END_SUBSCRIPTIONS)) {
            return;
        }
        boolean ended = false;
        // every subscription of the account, also those starting later: none should begin for a terminated account
        List<SubscriptionId> toEnd = subscriptions.activeOn(tenant, day.plusYears(100)).stream()
                .filter(s -> s.accountId().equals(account))
                .sorted(Comparator.comparing((SubscriptionView s) -> s.productType() == ProductType.ADD_ON))
                .map(SubscriptionView::subscriptionId).toList();
        for (SubscriptionId id : toEnd) {
            // read again: an add-on has ended with its base a moment ago
            if (subscriptions.find(tenant, id).filter(s -> !"CANCELLED".equals(s.state())).isEmpty()) {
                continue;
            }
            commands.sendAndWait(new CancelSubscriptionCommand(tenant, id, ChangeTiming.IMMEDIATE, null, REASON));
            log.info("Subscription {} of account {} of {} cancelled: {} on {}", id, account, tenant, REASON, day);
            ended = true;
        }
        if (ended) {
            changes.billToday(tenant, account);
            barrier.awaitCaughtUp(Duration.ofSeconds(30)); // whoever moved the clock or paid sees the repair invoice
        }
    }
}
