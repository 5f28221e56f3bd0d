package org.ratebook.rules.decision;

import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.SubscriptionPeriod;

import java.time.LocalDate;
import java.util.List;

/** What is due for one account on a target date: the periods to invoice. */
public record InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods) {
    public InvoiceQuestion {
        periods = List.copyOf(periods);
    }
}
