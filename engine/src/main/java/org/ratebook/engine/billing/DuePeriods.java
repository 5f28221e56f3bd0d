package org.ratebook.engine.billing;

import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a subscription that are due on a target date. In advance, a period is due on its first
 * day; in arrear, on the day after it ends. Pure date arithmetic, no clock.
 */
final class DuePeriods {

    /** A period [from, to) and the date its invoice carries. */
    record Due(LocalDate from, LocalDate to, LocalDate invoiceDate) {
    }

    /** Bounds a catch-up after a long outage; beyond it the run reports a problem instead of looping on. */
    static final int MAX_PERIODS = 1200;

    private DuePeriods() {
    }

    static List<Due> of(SubscriptionView subscription, BillingPeriod period, BillingMode mode, LocalDate target) {
        List<Due> due = new ArrayList<>();
        LocalDate from = subscription.startDate();
        while (due.size() < MAX_PERIODS) {
            LocalDate to = period.next(from, subscription.billCycleDay());
            LocalDate invoiceDate = mode == BillingMode.IN_ADVANCE ? from : to;
            if (invoiceDate.isAfter(target)) {
                break;
            }
            due.add(new Due(from, to, invoiceDate));
            from = to;
        }
        return due;
    }
}
