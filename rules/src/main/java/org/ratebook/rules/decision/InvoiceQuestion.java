package org.ratebook.rules.decision;

import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.fact.SubscriptionPeriod;

import java.time.LocalDate;
import java.util.List;

/**
 * What is due for one account on a target date: the periods to invoice, who sells (null: unknown, for tax
 * rules that do not need it) and the coupons the account has redeemed.
 */
public record InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                              Seller seller, List<RedeemedCoupon> coupons) {
    public InvoiceQuestion {
        periods = List.copyOf(periods);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
    }

    /** A question with no seller details and no coupons. */
    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods) {
        this(account, targetDate, periods, null, List.of());
    }
}
