package org.ratebook.rules.decision;

import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.SubscriptionPeriod;

import java.time.LocalDate;
import java.util.List;

/** What is due for one account on a target date: the periods to invoice and the one-off charges. */
public record InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                              List<OneOffCharge> oneOffs) {
    public InvoiceQuestion {
        periods = List.copyOf(periods);
        oneOffs = oneOffs == null ? List.of() : List.copyOf(oneOffs);
    }

    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods) {
        this(account, targetDate, periods, List.of());
    }
}
