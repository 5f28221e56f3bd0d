package org.ratebook.rules.decision;

import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.UsagePeriod;

import java.time.LocalDate;
import java.util.List;

/**
 * What is due for one account on a target date: the subscription periods to invoice, and the usage periods
 * to rate (usage is billed in arrear, so these ended on or before the date).
 */
public record InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                              List<UsagePeriod> usage) {
    public InvoiceQuestion {
        periods = List.copyOf(periods);
        usage = usage == null ? List.of() : List.copyOf(usage);
    }

    /** A question without usage. */
    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods) {
        this(account, targetDate, periods, List.of());
    }
}
