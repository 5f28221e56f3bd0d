package org.ratebook.rules.decision;

import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.fact.SubscriptionPeriod;

import java.time.LocalDate;
import java.util.List;

/**
 * What is due for one account on a target date: the periods to invoice, who sells (null: unknown, for tax
 * rules that do not need it), the coupons the account has redeemed and the one-off charges due.
 */
public record InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                              Seller seller, List<RedeemedCoupon> coupons, List<OneOffCharge> oneOffs) {
    public InvoiceQuestion {
        periods = List.copyOf(periods);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
        oneOffs = oneOffs == null ? List.of() : List.copyOf(oneOffs);
    }

    /** A question without one-off charges. */
    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                           Seller seller, List<RedeemedCoupon> coupons) {
        this(account, targetDate, periods, seller, coupons, List.of());
    }

    /** A question with no seller details, no coupons and no one-off charges. */
    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods) {
        this(account, targetDate, periods, null, List.of(), List.of());
    }
}
