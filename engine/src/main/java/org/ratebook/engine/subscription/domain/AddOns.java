package org.ratebook.engine.subscription.domain;

import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.projection.SubscriptionDirectory;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.ProductType;

import java.time.LocalDate;
import java.util.List;

/**
 * Kill Bill's add-on rule: an add-on is sold only with a base. An ADD_ON subscription belongs to an active base
 * subscription of the same account (the one named, or the account's only one), starts no earlier than it, bills
 * on its cycle day and ends with it. Any BASE product may carry any add-on; a catalog that wants to restrict
 * which add-ons go with which base does so with its plans (decision 016).
 */
final class AddOns {

    private AddOns() {
    }

    /** The base an add-on belongs to; null for a BASE or STANDALONE subscription, which must not name one. */
    static SubscriptionView base(ProductType type, CreateSubscriptionCommand command, LocalDate start,
                                 SubscriptionDirectory subscriptions) {
        if (type != ProductType.ADD_ON) {
            if (command.baseSubscriptionId() != null) {
                throw new InvalidSubscriptionException("plan '" + command.plan() + "' is a " + type
                        + " product; only an add-on belongs to a base subscription");
            }
            return null;
        }
        if (command.baseSubscriptionId() != null) {
            SubscriptionView named = subscriptions.find(command.tenantId(), command.baseSubscriptionId())
                    .filter(s -> s.accountId().equals(command.accountId()))
                    .orElseThrow(() -> new InvalidSubscriptionException("add-on '" + command.plan() + "' needs a base "
                            + "subscription of the same account; " + command.baseSubscriptionId() + " is not one"));
            if (named.productType() != ProductType.BASE) {
                throw new InvalidSubscriptionException("add-on '" + command.plan() + "' needs a base subscription; "
                        + named.subscriptionId() + " is a " + named.productType() + " subscription");
            }
            if (!activeOn(named, start)) {
                throw new InvalidSubscriptionException("add-on '" + command.plan() + "' needs an active base "
                        + "subscription on " + start + "; " + named.subscriptionId() + " is not active then");
            }
            return named;
        }
        List<SubscriptionView> bases = subscriptions.ofAccount(command.tenantId(), command.accountId()).stream()
                .filter(s -> s.productType() == ProductType.BASE && activeOn(s, start)).toList();
        if (bases.isEmpty()) {
            throw new InvalidSubscriptionException("add-on '" + command.plan() + "' needs an active base "
                    + "subscription of the same account on " + start + "; the account has none");
        }
        if (bases.size() > 1) {
            throw new InvalidSubscriptionException("add-on '" + command.plan() + "': the account has "
                    + bases.size() + " active base subscriptions; name the one it belongs to");
        }
        return bases.getFirst();
    }

    /** Started on or before {@code day} and neither ended nor ending by then. */
    private static boolean activeOn(SubscriptionView s, LocalDate day) {
        return !s.startDate().isAfter(day) && (s.endsOn() == null || s.endsOn().isAfter(day));
    }
}
