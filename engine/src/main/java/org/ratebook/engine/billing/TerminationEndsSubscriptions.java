package org.ratebook.engine.billing;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.StandingConsequence;
import org.ratebook.engine.dunning.StandingView;
import org.ratebook.engine.invoicing.projection.InvoiceProjectionBarrier;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
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

/**
 * When the seller's suspension rules end an account's subscriptions ({@link DunningAction#END_SUBSCRIPTIONS},
 * usually with {@code TERMINATE}), each subscription that is not cancelled yet is cancelled at once through the
 * subscription's own cancel command, with the reason "terminated for non-payment", and the account is billed as
 * after any cancellation: billed time no longer owed is given back by the usual repair. A subscription already
 * cancelled for a later date (end of term) keeps that date.
 */
@Component
public class TerminationEndsSubscriptions implements StandingConsequence {

    public static final String REASON = "terminated for non-payment";

    private static final Logger log = LoggerFactory.getLogger(TerminationEndsSubscriptions.class);

    private final SubscriptionProjection subscriptions;
    private final SubscriptionChanges changes;
    private final InvoiceProjectionBarrier barrier;

    public TerminationEndsSubscriptions(SubscriptionProjection subscriptions, SubscriptionChanges changes,
                                        InvoiceProjectionBarrier barrier) {
        this.subscriptions = subscriptions;
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
        for (SubscriptionView s : subscriptions.activeOn(tenant, day.plusYears(100))) {
            if (!s.accountId().equals(account) || "CANCELLED".equals(s.state())) {
                continue;
            }
            changes.apply(tenant, s.subscriptionId(), new CancelSubscriptionCommand(tenant, s.subscriptionId(),
                    ChangeTiming.IMMEDIATE, null, REASON));
            log.info("Subscription {} of account {} of {} cancelled: {} on {}", s.subscriptionId(), account, tenant,
                    REASON, day);
            ended = true;
        }
        if (ended) {
            barrier.awaitCaughtUp(Duration.ofSeconds(30)); // whoever moved the clock or paid sees the repair invoice
        }
    }
}
